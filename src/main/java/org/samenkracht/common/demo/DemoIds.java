package org.samenkracht.common.demo;

import java.util.UUID;

/**
 * Fixed ids of the fictional demo municipality, so every module can seed its part of the demo
 * around the same fictional people and a restart finds what it already made. Never real people.
 */
public final class DemoIds {

    private DemoIds() {
    }

    public static final UUID ORGANISATION = UUID.fromString("00000000-0000-4000-8000-000000000001");
    public static final UUID OTHER_ORGANISATION = UUID.fromString("00000000-0000-4000-8000-000000000002");

    /** Accounts. All demo accounts have the password {@link #PASSWORD}. */
    public static final UUID PROFESSIONAL_SANNE = UUID.fromString("00000000-0000-4000-8000-000000000101");
    public static final UUID COACH_MARIEKE = UUID.fromString("00000000-0000-4000-8000-000000000102");
    public static final UUID ADMIN_AHMED = UUID.fromString("00000000-0000-4000-8000-000000000103");
    public static final UUID PROFESSIONAL_PIETER = UUID.fromString("00000000-0000-4000-8000-000000000104");
    public static final UUID ACCOUNT_JONAS = UUID.fromString("00000000-0000-4000-8000-000000000105");
    public static final UUID ACCOUNT_KEVIN_NETWORK = UUID.fromString("00000000-0000-4000-8000-000000000106");
    /** A second professional of the buurtteam, who takes over Henk's support in a warm handover (issue 21). */
    public static final UUID PROFESSIONAL_LOTTE = UUID.fromString("00000000-0000-4000-8000-000000000121");

    /** Community (issue 20): a volunteer and a volunteer coordinator. */
    public static final UUID VOLUNTEER_NOOR = UUID.fromString("00000000-0000-4000-8000-000000000751");
    public static final UUID COORDINATOR_KARIM = UUID.fromString("00000000-0000-4000-8000-000000000752");

    /** Persons supported (fictional, loosely after the seeds' situations). */
    public static final UUID PERSON_JONAS = UUID.fromString("00000000-0000-4000-8000-000000000201");
    public static final UUID PERSON_FATIMA = UUID.fromString("00000000-0000-4000-8000-000000000202");
    public static final UUID PERSON_HENK = UUID.fromString("00000000-0000-4000-8000-000000000203");
    public static final UUID PERSON_ELS = UUID.fromString("00000000-0000-4000-8000-000000000204");

    public static final String PASSWORD = "samen2026";
}
