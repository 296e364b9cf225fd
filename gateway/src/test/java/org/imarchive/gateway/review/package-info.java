/** The review queue end to end: webhooks in, items filed by the scanner, reviewers working them over the API. */
package org.imarchive.gateway.review;
