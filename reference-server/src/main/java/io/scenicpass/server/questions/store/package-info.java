/** The SQL of questions ({@code question}) and their answers ({@code question_answer}). */
package io.scenicpass.server.questions.store;
