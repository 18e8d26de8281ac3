package org.kvali.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * The warnings or errors of imports, the first n of each, read for all the imports of a request at once: one
 * statement for each list and n asked, whatever the page's size.
 */
@Component
class ImportMessagesLoader {

	/** The name a controller's DataLoader parameter takes. */
	static final String NAME = "importMessages";

	/** The first {@code first} messages of the list ("warnings" or "errors") of one import. */
	record Key(UUID id, String list, int first) {
	}

	private final ImportHistory history;

	ImportMessagesLoader(ImportHistory history, BatchLoaderRegistry registry) {
		this.history = history;
		registry.<Key, List<ImportMessage>>forName(NAME).registerMappedBatchLoader((keys, env) -> Mono.just(load(keys)));
	}

	private Map<Key, List<ImportMessage>> load(Set<Key> keys) {
		var reader = ImportQueryController.reader();
		var loaded = new HashMap<Key, List<ImportMessage>>();
		var asked = keys.stream().collect(Collectors.groupingBy(key -> new Asked(key.list(), key.first())));
		asked.forEach((same, of) -> {
			var messages = this.history.messages(of.stream().map(Key::id).toList(), same.list(), same.first(),
					reader);
			of.forEach(key -> loaded.put(key, messages.getOrDefault(key.id(), List.of())));
		});
		return loaded;
	}

	/** The same list and number of messages, of several imports. */
	private record Asked(String list, int first) {
	}

}
