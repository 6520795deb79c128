/**
 * WeChat Pay API v3 (微信支付 APIv3, direct merchant): native and code payments, query, close/reverse, refund, and the
 * payment notification, with the protocol's request signing (SHA256withRSA, {@code WECHATPAY2-SHA256-RSA2048}),
 * response and notification signature checks against the platform public key, and AEAD_AES_256_GCM decryption.
 */
package io.scenicpass.server.payments.wechat;
