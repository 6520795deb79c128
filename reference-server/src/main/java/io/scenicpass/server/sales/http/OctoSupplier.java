package io.scenicpass.server.sales.http;

import io.scenicpass.channel.model.Supplier;
import io.scenicpass.channel.model.SupplierContact;
import io.scenicpass.server.config.ServerConfig;

/**
 * The answer of {@code GET /octo/supplier}: the scenic area as configured ({@code area.*}). OCTO requires every
 * contact field to be present, so an unconfigured one is written as {@code null}.
 *
 * @param publicUrl the server's URL as channels reach it (configured {@code http.publicUrl}), never the request's
 *     Host header, which anyone can set
 */
public record OctoSupplier(
        String id,
        String name,
        String email,
        String telephone,
        String address,
        java.util.function.Supplier<String> publicUrl) {

    public static OctoSupplier of(ServerConfig config, java.util.function.Supplier<String> publicUrl) {
        return new OctoSupplier(
                config.areaId, config.areaName, config.areaEmail, config.areaTelephone, config.areaAddress, publicUrl);
    }

    Supplier supplier() {
        String url = publicUrl.get();
        return new Supplier()
                .id(id)
                .name(name)
                .endpoint(url + "/octo")
                .contact(new SupplierContact()
                        .website(url)
                        .email(email)
                        .telephone(telephone)
                        .address(address));
    }
}
