/**
 * Changes to the catalog: one service per aggregate (program, provider, price, exam format, renewal
 * policy, alias, recognition signals), each running its writes through AggregateWriter (lock,
 * version check, apply, touch, change log) and a mapper between entity, input and view.
 */
package com.credentialcatalog.service.write;
