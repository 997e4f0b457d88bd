/** Results as JSON (a small writer and reader, no dependency) and the comparison table. */
package org.slabproof.larson.report;
