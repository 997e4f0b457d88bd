/** The memory chart (SuperSlabs live and RSS over time), drawn as PNG with java.awt or as hand-written SVG. */
package org.slabproof.larson.plot;
