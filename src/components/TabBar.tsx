import {Box, Text} from 'ink';
import {keyOf} from '../app/key-map.js';
import {type TabId, tabs} from '../app/state.js';
import {theme} from '../app/theme.js';

type Props = {
	readonly active: TabId;
	readonly focused: boolean;
	/** The training dashboard shows in the tab's place (p below the side pane's width): the tab is not marked as shown. */
	readonly dashboard?: boolean;
};

/**
 * The tab titles with their keys (from the key map); the active one inverted while the tab bar has
 * the focus, underlined otherwise. While the training dashboard covers the tab, the tab is only
 * underlined, in the muted colour, like the others: the dashboard has the screen.
 */
export function TabBar({active, focused, dashboard = false}: Props) {
	return (
		<Box>
			{tabs.map(tab => {
				const isActive = tab.id === active && !dashboard;
				// Under the dashboard: underlined only, where p goes back to.
				const underDashboard = tab.id === active && dashboard;
				return (
					<Box key={tab.id} marginRight={2}>
						<Text color={isActive ? theme.accent : theme.muted} bold={isActive} inverse={isActive && focused} underline={(isActive && !focused) || underDashboard}>
							{` ${keyOf(tab.command)} ${tab.title} `}
						</Text>
					</Box>
				);
			})}
		</Box>
	);
}
