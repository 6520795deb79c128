package io.scenicpass.server.questions;

import java.util.List;

/**
 * A question of a product. {@code optionId} null: every option; {@code unitId} set: asked once per unit item of that
 * unit, otherwise once per booking. {@code inputType} is OCTO's (an HTML input type, or select / textarea);
 * {@code selectOptions} are the allowed values of a select, empty for the others.
 */
public record Question(
        String id,
        String productId,
        String optionId,
        String unitId,
        String title,
        String shortDescription,
        boolean required,
        String inputType,
        List<SelectOption> selectOptions) {

    public Question {
        selectOptions = selectOptions == null ? List.of() : List.copyOf(selectOptions);
    }

    /** One choice of a select question: shown as {@code label}, answered as {@code value}. */
    public record SelectOption(String label, String value) {}

    /** True when this question is asked once for a booking of {@code optionId} (not per unit item). */
    public boolean forBooking(String bookingOptionId) {
        return unitId == null && (optionId == null || optionId.equals(bookingOptionId));
    }

    /** True when this question is asked for each unit item of {@code itemUnitId}. */
    public boolean forUnit(String itemUnitId) {
        return unitId != null && unitId.equals(itemUnitId);
    }
}
