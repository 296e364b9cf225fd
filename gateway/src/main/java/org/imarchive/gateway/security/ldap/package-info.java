/**
 * Sign-in against an LDAP directory or Active Directory: bind as the user, read their groups, map the groups to roles,
 * and lock a name out after repeated failures just as a local user would be.
 */
package org.imarchive.gateway.security.ldap;
