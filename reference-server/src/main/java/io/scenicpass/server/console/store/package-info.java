/** SQL of the operators: accounts and their API tokens ({@code operator}, {@code operator_token}), the audit log. */
package io.scenicpass.server.console.store;
