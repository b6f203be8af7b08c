import {Box, Text} from 'ink';
import {helpLines, keyOf, type KeyScope} from '../app/key-map.js';
import {theme} from '../app/theme.js';

const columns: ReadonlyArray<readonly KeyScope[]> = [
	['everywhere', 'tab bar', 'in a prompt'],
	['in a tab', 'examples', 'weights', 'generalized images', 'timeline'],
];

/** The keys, generated from the key map that the input handling also uses; fits 80x24. */
export function HelpOverlay() {
	return (
		<Box flexDirection='column' borderStyle='round' borderColor={theme.accent} paddingX={1}>
			<Text bold>{`Keys · ${keyOf('back')} or ${keyOf('help')} closes this help`}</Text>
			<Box>
				{columns.map(scopes => (
					<Box key={scopes[0]} flexDirection='column' width={37} marginRight={1}>
						{scopes.map(scope => (
							<Box key={scope} flexDirection='column'>
								<Text color={theme.accent} bold>{scope}</Text>
								{helpLines(scope).map(line => (
									<Text key={line.label} wrap='truncate-end'>{`${line.label.padEnd(Math.max(10, line.label.length + 1))}${line.help}`}</Text>
								))}
							</Box>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
