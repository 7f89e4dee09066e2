package org.queqiao.desk.assistant;

import java.net.URI;
import java.time.Duration;

/**
 * Where the bot's generative assistant is and how long it may take (the {@code desk.assistant-*} settings).
 *
 * @param endpoint    the chat-completions URL of an OpenAI-compatible server (vLLM, Ollama, a cloud API)
 * @param model       the model name the server expects
 * @param apiKey      sent as a bearer token; empty when the server needs none
 * @param timeout     for the whole request; past it the visitor is handed to a person
 * @param concurrency requests in flight at most on this node; beyond it the knowledge base's decision stands
 */
public record AssistantSettings(URI endpoint, String model, String apiKey, Duration timeout, int concurrency) {
    public AssistantSettings {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the assistant's timeout must be positive");
        if (concurrency < 1) throw new IllegalArgumentException("the assistant's concurrency must be 1 or more");
        if (model == null || model.isBlank()) throw new IllegalArgumentException("the assistant needs a model name");
    }

    /**
     * @param url an OpenAI-compatible base URL ({@code http://127.0.0.1:8000/v1}) or its chat-completions URL
     */
    public static URI chatCompletions(String url) {
        String u = url.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        URI uri = URI.create(u.endsWith("/chat/completions") ? u : u + "/chat/completions");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("the assistant's URL must be http(s)://host[:port]/…, got '" + url + "'");
        }
        return uri;
    }

    @Override
    public String toString() {
        return "AssistantSettings[endpoint=" + endpoint + ", model=" + model + ", apiKey=" + (apiKey.isEmpty() ? "" : "***") + ", timeout=" + timeout
                + ", concurrency=" + concurrency + "]";
    }
}
