package org.queqiao.desk.bot;

import java.util.List;

/**
 * Turns texts into sentence vectors for the bot's semantic matching. Implementations are thread-safe and
 * may use a different model per language; vectors of different models are never compared.
 */
public interface TextEmbedder {
    /** A text's vector, of unit length, and the model that made it. */
    record Vector(String model, float[] values) {}

    /** The texts' vectors, in order; batched because a model embeds many texts faster together. */
    List<Vector> embed(List<String> texts);

    default Vector embed(String text) {
        return embed(List.of(text)).getFirst();
    }
}
