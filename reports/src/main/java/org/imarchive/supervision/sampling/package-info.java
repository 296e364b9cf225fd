/**
 * Random sampling of correspondence for review: a share of each relationship manager's messages per period, chosen
 * by a keyed hash of the message id, so that an examiner given the seed and the ids can recompute the sample.
 */
package org.imarchive.supervision.sampling;
