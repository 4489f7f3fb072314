/**
 * Working with the systems around Samenkracht: FHIR R4 in the shape of HL7's eLTSS (person-centred
 * service plan) at {@code /fhir}, export of one Bundle per person, and import of a CarePlan bundle
 * into a draft plan. Every read goes through the modules' API classes, so through the same access
 * gate and audit as the pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interoperability (FHIR R4)")
package org.samenkracht.interop;
