package io.labelloop.model.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.TensorData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.io.BufferedOutputStream;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header mapping
 * each tensor name to dtype, shape and byte offsets, then the raw little-endian data. F32, F16 and BF16
 * are read (as float32); F32 is written.
 */
public final class Safetensors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private Safetensors() {
    }

    /**
     * Reads every floating-point tensor of a file; other dtypes are skipped.
     *
     * @throws ModelException naming the file and tensor when the file is truncated or its header is inconsistent
     */
    public static Map<String, TensorData> read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new ModelException(file + ": " + size + " bytes is too short for a safetensors file (truncated?)");
            }
            MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            buf.order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = buf.getLong(0);
            if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > size) {
                throw new ModelException(file + ": header length " + headerLength + " does not fit the file's " + size
                        + " bytes (truncated or not safetensors)");
            }
            byte[] header = new byte[(int) headerLength];
            buf.get(8, header);
            JsonNode root = parseHeader(header, file);
            return tensors(root, buf, 8 + headerLength, size, file);
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parseHeader(byte[] header, Path file) {
        try {
            JsonNode root = JSON.readTree(new String(header, StandardCharsets.UTF_8).trim());
            if (root == null || !root.isObject()) {
                throw new ModelException(file + ": header is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new ModelException(file + ": header is not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, TensorData> tensors(JsonNode root, ByteBuffer buf, long dataStart, long size, Path file) {
        Map<String, TensorData> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            TensorData t = tensor(e.getKey(), e.getValue(), buf, dataStart, size, file);
            if (t != null) {
                result.put(t.name(), t);
            }
        }
        return result;
    }

    private static TensorData tensor(String name, JsonNode info, ByteBuffer buf, long dataStart, long size, Path file) {
        String dtype = info.path("dtype").asText("");
        int width = switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> 0;
        };
        if (width == 0) {
            return null;
        }
        JsonNode shapeNode = info.path("shape");
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
            count *= shape[i];
        }
        long begin = info.path("data_offsets").path(0).asLong(-1);
        long end = info.path("data_offsets").path(1).asLong(-1);
        if (begin < 0 || end < begin || dataStart + end > size || end - begin != count * width) {
            throw new ModelException(file + ": tensor '" + name + "' has data_offsets [" + begin + ", " + end + "] that do not match its "
                    + dtype + " shape " + Arrays.toString(shape) + " or the file size " + size + " (truncated?)");
        }
        ByteBuffer data = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN).position((int) (dataStart + begin)).slice()
                .order(ByteOrder.LITTLE_ENDIAN).limit((int) (end - begin));
        return new TensorData(name, shape, toFloats(data, dtype, (int) count));
    }

    private static float[] toFloats(ByteBuffer data, String dtype, int count) {
        float[] out = new float[count];
        if (dtype.equals("F32")) {
            data.asFloatBuffer().get(out);
        } else {
            for (int i = 0; i < count; i++) {
                short bits = data.getShort(i * 2);
                out[i] = dtype.equals("BF16") ? Float.intBitsToFloat((bits & 0xffff) << 16) : halfToFloat(bits);
            }
        }
        return out;
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal
            return sign == 0 ? v : -v;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** Writes tensors as F32, in the given order, with optional string metadata. */
    public static void write(Path file, Collection<TensorData> tensors, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (TensorData t : tensors) {
            ObjectNode n = header.putObject(t.name());
            n.put("dtype", "F32");
            var shape = n.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            long bytes = 4L * t.data().length;
            n.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            out.write(json);
            for (TensorData t : tensors) {
                ByteBuffer b = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(t.data());
                out.write(b.array());
            }
        } catch (IOException e) {
            throw new ModelException("cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ModelException("cannot move " + tmp + " to " + file + ": " + e.getMessage(), e);
        }
    }
}
