/**
 * OCTO questions ({@code octo/questions}, issue 16): the questions an operator defines per product, option or unit
 * (admin API), shown on products; the answers resellers give with a booking or a unit item on reserve, PATCH and
 * confirm, checked ({@link io.scenicpass.server.questions.AnswerRules}), stored and shown on every booking answer.
 * Answers may be personal data: never logged, erased with the booking's visitors' documents ({@code identity/}).
 */
package io.scenicpass.server.questions;
