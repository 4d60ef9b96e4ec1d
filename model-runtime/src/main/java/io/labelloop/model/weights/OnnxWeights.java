package io.labelloop.model.weights;

import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.TensorData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the float initializers of an ONNX BERT export with a minimal protobuf reader (no ONNX or protobuf
 * library needed) and names them like PyTorch's BERT parameters.
 *
 * <p>In the all-MiniLM-L6-v2 export, embeddings, biases and LayerNorms are named initializers; every linear
 * weight is an anonymous initializer ({@code onnx::MatMul_NNN}) stored [in, out]: the MatMul node consuming
 * it carries the module path ({@code /encoder/layer.0/attention/self/query/MatMul}), and the weight is
 * transposed to PyTorch's [out, in].
 */
public final class OnnxWeights {

    private static final int FLOAT = 1;

    private OnnxWeights() {
    }

    /**
     * Parses an ONNX model.
     *
     * @param bytes the file's content
     * @param source the file name, for error messages
     * @return the float weights by canonical name
     */
    public static Map<String, TensorData> read(byte[] bytes, String source) {
        try {
            ProtoReader model = new ProtoReader(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), source);
            ByteBuffer graph = null;
            while (model.hasMore()) {
                int tag = model.tag();
                if (tag >>> 3 == 7) {
                    graph = model.bytes();
                } else {
                    model.skip(tag & 7);
                }
            }
            if (graph == null) {
                throw new ModelException(source + ": no graph (ModelProto field 7) found; not an ONNX model?");
            }
            return readGraph(new ProtoReader(graph, source), source);
        } catch (RuntimeException e) {
            if (e instanceof ModelException) {
                throw e;
            }
            throw new ModelException(source + ": corrupt or truncated ONNX file (" + e + ")", e);
        }
    }

    private static Map<String, TensorData> readGraph(ProtoReader graph, String source) {
        List<TensorData> initializers = new ArrayList<>();
        Map<String, String> matMulNodeByInput = new HashMap<>();
        while (graph.hasMore()) {
            int tag = graph.tag();
            switch (tag >>> 3) {
                case 1 -> readNode(new ProtoReader(graph.bytes(), source), matMulNodeByInput);
                case 5 -> {
                    TensorData t = readTensor(new ProtoReader(graph.bytes(), source));
                    if (t != null) {
                        initializers.add(t);
                    }
                }
                default -> graph.skip(tag & 7);
            }
        }
        Map<String, TensorData> named = new LinkedHashMap<>();
        for (TensorData t : initializers) {
            String node = matMulNodeByInput.get(t.name());
            if (node != null && t.shape().length == 2) {
                // "/encoder/layer.0/attention/self/query/MatMul" -> "encoder.layer.0.attention.self.query.weight"
                String module = node.substring(1, node.lastIndexOf('/')).replace('/', '.');
                named.put(module + ".weight", t.transposed2d(module + ".weight"));
            } else {
                named.put(t.name(), t);
            }
        }
        return named;
    }

    private static void readNode(ProtoReader node, Map<String, String> matMulNodeByInput) {
        List<String> inputs = new ArrayList<>();
        String name = "";
        String op = "";
        while (node.hasMore()) {
            int tag = node.tag();
            switch (tag >>> 3) {
                case 1 -> inputs.add(node.string());
                case 3 -> name = node.string();
                case 4 -> op = node.string();
                default -> node.skip(tag & 7);
            }
        }
        if (op.equals("MatMul")) {
            for (String input : inputs) {
                matMulNodeByInput.put(input, name);
            }
        }
    }

    /** Reads a TensorProto; returns null for non-float tensors (e.g. the int64 position ids). */
    private static TensorData readTensor(ProtoReader t) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        ByteBuffer raw = null;
        List<Float> floats = new ArrayList<>();
        while (t.hasMore()) {
            int tag = t.tag();
            int field = tag >>> 3;
            int wire = tag & 7;
            if (field == 1 && wire == 0) {
                dims.add(t.varint());
            } else if (field == 1 && wire == 2) {
                ProtoReader packed = new ProtoReader(t.bytes(), "dims");
                while (packed.hasMore()) {
                    dims.add(packed.varint());
                }
            } else if (field == 2) {
                type = (int) t.varint();
            } else if (field == 8) {
                name = t.string();
            } else if (field == 9) {
                raw = t.bytes();
            } else if (field == 4 && wire == 2) {
                ByteBuffer packed = t.bytes();
                while (packed.remaining() >= 4) {
                    floats.add(packed.getFloat());
                }
            } else {
                t.skip(wire);
            }
        }
        if (type != FLOAT) {
            return null;
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        float[] data;
        if (raw != null) {
            data = new float[raw.remaining() / 4];
            raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        } else {
            data = new float[floats.size()];
            for (int i = 0; i < data.length; i++) {
                data[i] = floats.get(i);
            }
        }
        return new TensorData(name, shape, data);
    }

    /** The few protobuf wire-format primitives ONNX needs. */
    private static final class ProtoReader {
        private final ByteBuffer buf;
        private final String source;

        ProtoReader(ByteBuffer buf, String source) {
            this.buf = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
            this.source = source;
        }

        boolean hasMore() {
            return buf.hasRemaining();
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buf.get();
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new ModelException(source + ": malformed varint at byte " + buf.position());
        }

        ByteBuffer bytes() {
            long length = varint();
            if (length < 0 || length > buf.remaining()) {
                throw new ModelException(source + ": field of " + length + " bytes at byte " + buf.position()
                        + " runs past the end (" + buf.remaining() + " left): file truncated?");
            }
            ByteBuffer slice = buf.slice().limit((int) length);
            buf.position(buf.position() + (int) length);
            return slice.order(ByteOrder.LITTLE_ENDIAN);
        }

        String string() {
            ByteBuffer b = bytes();
            byte[] a = new byte[b.remaining()];
            b.get(a);
            return new String(a, StandardCharsets.UTF_8);
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> buf.position(buf.position() + 8);
                case 2 -> bytes();
                case 5 -> buf.position(buf.position() + 4);
                default -> throw new ModelException(source + ": unsupported protobuf wire type " + wireType + " at byte " + buf.position());
            }
        }
    }
}
