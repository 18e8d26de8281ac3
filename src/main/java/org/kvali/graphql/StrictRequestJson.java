package org.kvali.graphql;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;

/**
 * What Jackson would let through as a GraphQL request: a number or boolean given for a string it reads as text, so
 * {@code {"query": 5}} ran the document "5" and failed as a syntax error far from its cause; and the body
 * {@code null} it reads as no request, on which Spring's handler failed with a 500; and a member given twice, of which
 * it kept the last, so that what one reader of the body saw was not what ran. All are refused instead, and
 * {@link MalformedRequests} says what is wrong.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestJson {

	@Bean
	JsonMapperBuilderCustomizer strictGraphQlRequests() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual, text -> text
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("kvali-graphql-request").setDeserializerModifier(new NoNullRequests()));
	}

	/** Gives the GraphQL request's reading a wrapper that refuses a JSON null. */
	private static final class NoNullRequests extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
				ValueDeserializer<?> deserializer) {
			return SerializableGraphQlRequest.class.equals(bean.getBeanClass()) ? new NoNullRequest(deserializer)
					: deserializer;
		}

	}

	/** The request's own reading, but a JSON null is refused where Jackson would give no request at all. */
	private static final class NoNullRequest extends DelegatingDeserializer {

		NoNullRequest(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new NoNullRequest(delegate);
		}

		@Override
		public Object getNullValue(DeserializationContext context) {
			return context.reportInputMismatch(this, "null is no GraphQL request");
		}

	}

}
