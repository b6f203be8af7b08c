/**
 * The weights the views show for the epoch timeline's position: live (the weights training has now),
 * or a completed epoch's from the EpochStore, asking the training worker for those the main thread does
 * not have and showing the previous ones (loading) until they come.
 */
import {useEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import type {Model} from '../model/model.js';
import type {Parameters} from '../nn/network.js';
import type {TrainingEvent} from '../training/protocol.js';
import {EpochStore, epochAtOrBefore, type TimelinePosition} from './epoch-store.js';
import type {TrainingView} from './training-view.js';

/** What the hook uses of the TrainingClient: its events, and the worker's kept weights on request. */
export type EpochSource = {
	subscribe(listener: (event: TrainingEvent) => void): () => void;
	snapshot(epoch: number): Promise<Parameters | undefined>;
};

export type EpochParameters = {
	/** The weights to show. */
	readonly parameters: Parameters;
	/** The epoch `parameters` are from: 'live', or a completed epoch (0 = untrained); while loading, the one shown before. */
	readonly epoch: TimelinePosition;
	/** The selected epoch's weights are on their way from the training worker; `parameters` are those shown before. */
	readonly loading: boolean;
	/** The epochs one can step to, ascending, 0 first (for the scrub line). */
	readonly epochs: readonly number[];
	/** Where `[` (-1) or `]` (+1) goes from `from`. */
	readonly step: (from: TimelinePosition, delta: -1 | 1) => TimelinePosition;
};

export type EpochParametersInput = {
	readonly model: Pick<Model, 'initial' | 'current' | 'snapshots' | 'position'>;
	readonly client: EpochSource;
	readonly training: Pick<TrainingView, 'current' | 'epoch'>;
	/** The timeline position the user chose. */
	readonly selected: TimelinePosition;
};

type Shown = {readonly parameters: Parameters; readonly epoch: TimelinePosition};

/** The weights for the selected timeline position; a step costs a lookup (no copy, no computation). */
export function useEpochParameters({model, client, training, selected}: EpochParametersInput): EpochParameters {
	const [store] = useState(() => new EpochStore(model));
	useSyncExternalStore(store.subscribe, store.version);
	useEffect(() => client.subscribe(event => {
		if (event.type === 'epoch') {
			store.complete(event.record.epoch, event.parameters);
		}
	}), [client, store]);
	useEffect(() => {
		// Epochs completed before the subscription (none in the app, where training starts later) come without weights.
		store.complete(training.epoch);
	}, [store, training.epoch]);

	const epochs = store.epochs();
	const target = selected === 'live' ? 'live' : epochAtOrBefore(epochs, selected);
	const stored = target === 'live' ? training.current : store.parameters(target);
	// The last weights shown, kept while the next ones are on their way.
	const shown = useRef<Shown>({parameters: training.current, epoch: 'live'});
	const previous = shown.current;
	const parameters = stored ?? previous.parameters;
	const epoch = stored === undefined ? previous.epoch : target;
	const loading = stored === undefined;
	useEffect(() => {
		if (loading) {
			return;
		}

		shown.current = {parameters, epoch};
		if (epoch !== 'live') {
			store.hold(epoch);
		}
	}, [store, parameters, epoch, loading]);
	useEffect(() => {
		if (target === 'live' || !loading || !store.claimRequest(target)) {
			return;
		}

		client.snapshot(target).then(answer => {
			store.receive(target, answer);
		}, () => {
			store.receive(target, undefined);
		});
	}, [client, store, target, loading]);

	const {current} = training;
	return useMemo(() => ({
		parameters, epoch, loading, epochs,
		step: (from: TimelinePosition, delta: -1 | 1) => store.step(from, delta, current),
	}), [parameters, epoch, loading, epochs, store, current]);
}
