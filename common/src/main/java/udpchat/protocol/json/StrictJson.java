package udpchat.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import udpchat.protocol.Limits;

/**
 * The Jackson mapper the codec reads and writes with, set up for untrusted input (see {@link Codec}
 * for what Jackson's defaults would let through).
 */
final class StrictJson {

  private StrictJson() {}

  /** A new mapper: strict reading, limits of one datagram, no coercion, nulls left out. */
  static ObjectMapper mapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // By default Jackson writes a character outside the BMP (an emoji, U+20000) as an
            // escaped surrogate pair, 12 bytes instead of its 4 in UTF-8: a name of 32 such letters
            // would then take 384 bytes and a maximal text no longer fit beside it (see Limits).
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxDocumentLength(Limits.MAX_DATAGRAM_BYTES)
                    .maxNestingDepth(Limits.MAX_NESTING_DEPTH)
                    .maxStringLength(Limits.MAX_DATAGRAM_BYTES)
                    .maxNumberLength(Limits.MAX_NUMBER_CHARS)
                    .maxNameLength(Limits.MAX_FIELD_NAME_CHARS)
                    .build())
            .build();
    JsonMapper jsonMapper =
        JsonMapper.builder(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    for (LogicalType type : LogicalType.values()) {
      jsonMapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    // The coercions above also stop a field's own shape; give each logical type its shape back.
    jsonMapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
    jsonMapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
    jsonMapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
    return jsonMapper;
  }
}
