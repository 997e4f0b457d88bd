/**
 * The catalogue of known-bad variants: each a minimal override of one step of the real
 * {@link org.slabproof.superslab.FreeProtocol}, never a second allocator. The suites and gates
 * select them by {@link org.slabproof.variants.KnownBadVariant#id()} to show that they fail on
 * exactly the bugs they claim to catch. Nothing here is loaded unless a variant is selected.
 */
package org.slabproof.variants;
