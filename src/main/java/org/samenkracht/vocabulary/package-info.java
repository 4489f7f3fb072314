/**
 * The one vocabulary that exploration, network, plan, social map and matching share: the eight
 * life domains ({@link org.samenkracht.vocabulary.LifeDomain}), the layers of support from the inside
 * out ({@link org.samenkracht.vocabulary.Layer}) and the intensity of support
 * ({@link org.samenkracht.vocabulary.Intensity}). It depends on no other module, so every module may
 * use it without a cycle. Labels in Dutch and English live in {@code messages/vocabulary*.properties}
 * under {@code lifeDomain.<CONSTANT>}, {@code layer.<CONSTANT>} and {@code intensity.<CONSTANT>}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vocabulary", allowedDependencies = {})
package org.samenkracht.vocabulary;
