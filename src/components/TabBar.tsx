import {Box, Text} from 'ink';
import {keyOf} from '../app/key-map.js';
import {type TabId, tabs} from '../app/state.js';
import {theme} from '../app/theme.js';

type Props = {readonly active: TabId; readonly focused: boolean};

/** The tab titles with their keys (from the key map); the active one inverted while the tab bar has the focus. */
export function TabBar({active, focused}: Props) {
	return (
		<Box>
			{tabs.map(tab => {
				const isActive = tab.id === active;
				return (
					<Box key={tab.id} marginRight={2}>
						<Text color={isActive ? theme.accent : theme.muted} bold={isActive} inverse={isActive && focused} underline={isActive && !focused}>
							{` ${keyOf(tab.command)} ${tab.title} `}
						</Text>
					</Box>
				);
			})}
		</Box>
	);
}
