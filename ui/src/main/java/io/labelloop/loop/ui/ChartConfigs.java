package io.labelloop.loop.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;

/** chart.js configurations as JSON, built from plain data so that no text becomes script. */
final class ChartConfigs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COLORS = List.of("#1676f3", "#e8590c", "#2f9e44", "#ae3ec9", "#f08c00",
            "#0c8599", "#c2255c", "#5c940d", "#495057");

    private ChartConfigs() {
    }

    /** One named series of numbers; null values leave gaps. */
    record Series(String name, List<? extends Number> values) {
    }

    static String line(List<String> x, List<Series> series, Double yMax) {
        return chart("line", x, series, yMax);
    }

    static String bar(List<String> x, List<Series> series) {
        return chart("bar", x, series, null);
    }

    private static String chart(String type, List<String> x, List<Series> series, Double yMax) {
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("label", series.get(i).name());
            d.put("data", series.get(i).values());
            d.put("borderColor", COLORS.get(i % COLORS.size()));
            d.put("backgroundColor", COLORS.get(i % COLORS.size()));
            d.put("spanGaps", true);
            datasets.add(d);
        }
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("beginAtZero", true);
        if (yMax != null) {
            y.put("max", yMax);
        }
        Map<String, Object> config = Map.of("type", type,
                "data", Map.of("labels", x, "datasets", datasets),
                "options", Map.of("scales", Map.of("y", y),
                        "plugins", Map.of("legend", Map.of("display", series.size() > 1))));
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart configuration not serializable", e);
        }
    }
}
