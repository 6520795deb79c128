package io.scenicpass.server.shop.account;

/** A signed-in visitor of the shop: the account's id, how they sign in (masked for pages), their language. */
public record ShopVisitor(long id, Address.Kind kind, String masked, String lang) {}
