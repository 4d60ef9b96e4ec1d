package io.labelloop.loop;

/** What a training updates: the whole encoder with the head, or the head alone on frozen embeddings. */
public enum TrainMode implements NamedOption {
    FULL("full"),
    HEAD("head");

    private final String id;

    TrainMode(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static TrainMode parse(String name) {
        return NamedOption.parse(TrainMode.class, name, "train mode");
    }

    @Override
    public String toString() {
        return id;
    }
}
