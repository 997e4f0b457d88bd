/** Memory-over-time charts (SuperSlabs live, mapped MiB, RSS), drawn with JFreeChart as PNG or, through JFreeSVG, as SVG. */
package org.slabproof.larson.plot;
