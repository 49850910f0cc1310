package org.samizdat.revenue.stripe;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One webhook event as Stripe sends it: the envelope's {@code id} and {@code type} and the object in
 * {@code data.object} (with {@code data.previous_attributes}, what an update changed). Read as a tree, so fields a newer API version adds or moves do not break us.
 */
record StripeEvent(String id, String type, JsonNode object, JsonNode previous) {

    /** The event, or an exception when the body is not a Stripe event. */
    static StripeEvent parse(ObjectMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new BadPayload("not JSON");
        }
        if (root == null || !root.isObject() || !"event".equals(root.path("object").asString(""))) {
            throw new BadPayload("not an event");
        }
        String id = root.path("id").asString("");
        String type = root.path("type").asString("");
        JsonNode object = root.path("data").path("object");
        if (!id.matches("evt_[A-Za-z0-9_]{1,200}") || type.isBlank() || !object.isObject()) {
            throw new BadPayload("event without id, type or data.object");
        }
        return new StripeEvent(id, type, object, root.path("data").path("previous_attributes"));
    }

    String text(String... path) {
        JsonNode node = object;
        for (String name : path) {
            node = node.isArray() && name.matches("[0-9]{1,3}") ? node.path(Integer.parseInt(name)) : node.path(name);
        }
        return node.isString() ? node.asString() : null;
    }

    /** A whole-number field of the object; a missing one makes the payload bad. */
    long number(String field) {
        JsonNode node = object.path(field);
        if (!node.isIntegralNumber()) {
            throw new BadPayload(type + " without " + field);
        }
        return node.asLong();
    }

    /** The first text found at any of the paths (each a dotted path into the object), or null. */
    String first(String... dottedPaths) {
        for (String dotted : dottedPaths) {
            String value = text(dotted.split("\\."));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The body was signed but is not an event we can read: Stripe gets a 400. */
    static class BadPayload extends RuntimeException {
        BadPayload(String message) {
            super(message);
        }
    }
}
