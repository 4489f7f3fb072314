package org.samenkracht.signals;

/** The kind of partner a signal came from: shown to the person in "who looked", never the partner's name. */
public enum PartnerKind { PHARMACY, GP, HOUSING, POLICE, HOME_CARE, WELFARE, VOLUNTEERS, CHURCH, RESIDENT, OTHER }
