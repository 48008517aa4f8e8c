/**
 * How the public reads name users: a per-auction alias for each user id, so anyone can follow who bids what in one
 * auction without learning who they are or linking them across auctions.
 */
package io.gream.ingress.pseudonym;
