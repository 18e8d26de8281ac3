package org.kvali.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.execution.ExecutionContext;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * A document with each fragment written out where it is spread, as an inline fragment of new nodes, so that a walk
 * over it meets each spread's fields as fields of their own. The limits on fields and aliases have refused fragments
 * that spread themselves or are not defined before this is asked, and bound how large the result is.
 */
final class WrittenOut {

	private final Map<String, FragmentDefinition> fragments;

	private WrittenOut(Map<String, FragmentDefinition> fragments) {
		this.fragments = fragments;
	}

	/**
	 * The operation's document written out, made once per execution and kept in its context: the depth and the
	 * complexity limits each wrote it out again.
	 */
	static Document of(ExecutionContext context) {
		return context.getGraphQLContext().computeIfAbsent(WrittenOut.class, key -> fragments(context.getDocument()));
	}

	static Document fragments(Document document) {
		var writer = new WrittenOut(document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (first, second) -> first)));
		List<Definition> operations = document.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.map(operation -> (Definition) operation
				.transform(builder -> builder.selectionSet(writer.written(operation.getSelectionSet()))))
			.toList();
		return document.transform(builder -> builder.definitions(operations));
	}

	private SelectionSet written(SelectionSet selections) {
		if (selections == null) {
			return null;
		}
		return SelectionSet.newSelectionSet(selections.getSelections().stream().map(this::written).toList()).build();
	}

	private Selection<?> written(Selection<?> selection) {
		if (selection instanceof Field field) {
			return field.transform(builder -> builder.selectionSet(written(field.getSelectionSet())));
		}
		if (selection instanceof InlineFragment inline) {
			return inline.transform(builder -> builder.selectionSet(written(inline.getSelectionSet())));
		}
		var spread = (FragmentSpread) selection;
		var fragment = this.fragments.get(spread.getName());
		return InlineFragment.newInlineFragment()
			.typeCondition(fragment.getTypeCondition())
			.directives(spread.getDirectives())
			.selectionSet(written(fragment.getSelectionSet()))
			.build();
	}

}
