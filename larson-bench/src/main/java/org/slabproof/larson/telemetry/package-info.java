/** What is sampled while Larson runs: SuperSlab counters, mapped bytes, and the process RSS from /proc. */
package org.slabproof.larson.telemetry;
