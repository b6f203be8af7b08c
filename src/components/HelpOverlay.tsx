import {Box, Text} from 'ink';
import {type KeyScope, keyMap} from '../app/key-map.js';
import {theme} from '../app/theme.js';

const columns: ReadonlyArray<readonly KeyScope[]> = [
	['everywhere', 'tab bar'],
	['in a tab', 'examples', 'weights', 'generalized images'],
];

/** The keys, generated from the key map that the input handling also uses; fits 80x24. */
export function HelpOverlay() {
	return (
		<Box flexDirection='column' borderStyle='round' borderColor={theme.accent} paddingX={1}>
			<Text bold>Keys · Esc or ? closes this help</Text>
			<Box>
				{columns.map(scopes => (
					<Box key={scopes[0]} flexDirection='column' width={37} marginRight={1}>
						{scopes.map(scope => (
							<Box key={scope} flexDirection='column'>
								<Text color={theme.accent} bold>{scope}</Text>
								{keyMap.filter(b => b.scope === scope).map(b => (
									<Text key={`${b.command}.${b.label}`} wrap='truncate-end'>{`${b.label.padEnd(10)}${b.help}`}</Text>
								))}
							</Box>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
