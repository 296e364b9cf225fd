/** Tests of reading policy files: refusals in the policy kind's exception with their position, and the content hash. */
package org.imarchive.archive.policyfile;
