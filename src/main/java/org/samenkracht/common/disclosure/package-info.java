/**
 * Disclosure control, the one rule for every figure that leaves the organisation: primary suppression of small
 * counts, disclosive zeros, dominance, secondary suppression over the tree of areas, rounding to base 5. It lives in
 * common (not in insights, where it began) because the signalling network's yearly figures (issue 19, item 9) must
 * be held back by the same rule, and insights already depends on signals: signals depending on insights would make
 * a cycle. The insights module keeps the organisation's thresholds and offers them through {@link
 * org.samenkracht.common.disclosure.DisclosureRules}.
 */
package org.samenkracht.common.disclosure;
