/** One entry to every figure view: the pixels and the numbers of a view of a network. */
import {classModelsFigure, mapsFigure} from './tiles-figure.js';
import {confusionFigure} from './confusion-figure.js';
import {curvesFigure} from './curves-figure.js';
import {exampleFigure} from './example-figure.js';
import type {Figure, FigureSource, FigureView} from './source.js';
import {weightsFigure} from './weights-figure.js';

export {type FigureSource, type FigureView, figureViews, type Figure} from './source.js';
export {encodePng} from './png.js';

/** Views that need the test set (the rest need only the model). */
export function viewNeedsTestSet(view: FigureView): boolean {
	return view === 'example' || view === 'confusion';
}

/** Build `view` of `source`. */
export function buildFigure(view: FigureView, source: FigureSource): Figure {
	switch (view) {
		case 'weights': {
			return weightsFigure(source);
		}

		case 'maps': {
			return mapsFigure(source);
		}

		case 'class-models': {
			return classModelsFigure(source);
		}

		case 'example': {
			return exampleFigure(source);
		}

		case 'confusion': {
			return confusionFigure(source);
		}

		case 'curves': {
			return curvesFigure(source);
		}
	}
}
