package org.kvali.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;

/**
 * Kvali's connections cut pages by sort keys of their own ({@link Cursor}) and build their edges themselves. Spring
 * would otherwise wrap every connection field for its Window and Slice types, and turn a field that failed with a
 * clear error into an empty connection carrying a second, misleading error; it does so only while a cursor strategy
 * supports {@link ScrollPosition}, so this one declines.
 */
@Configuration(proxyBeanMethods = false)
class CursorConfiguration {

	@Bean
	EncodingCursorStrategy<ScrollPosition> noScrollPositionCursors() {
		return CursorStrategy.withEncoder(new CursorStrategy<ScrollPosition>() {
			@Override
			public boolean supports(Class<?> targetType) {
				return false;
			}

			@Override
			public String toCursor(ScrollPosition position) {
				throw new UnsupportedOperationException("Kvali does not page by ScrollPosition");
			}

			@Override
			public ScrollPosition fromCursor(String cursor) {
				throw new UnsupportedOperationException("Kvali does not page by ScrollPosition");
			}
		}, CursorEncoder.noOpEncoder());
	}

}
