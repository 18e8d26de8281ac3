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
 * statement for each list, of as many as the most asked, cut for each of the others (aliases of one list with 50
 * numbers were 50 statements, each reading every report of the page).
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
		keys.stream().collect(Collectors.groupingBy(Key::list)).forEach((list, of) -> {
			int most = of.stream().mapToInt(Key::first).max().orElseThrow();
			var messages = this.history.messages(of.stream().map(Key::id).distinct().toList(), list, most, reader);
			for (var key : of) {
				var all = messages.getOrDefault(key.id(), List.of());
				loaded.put(key, all.subList(0, Math.min(key.first(), all.size())));
			}
		});
		return loaded;
	}

}
