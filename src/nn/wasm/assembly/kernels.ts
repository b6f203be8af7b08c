// WebAssembly SIMD kernels of the training engine, in AssemblyScript (compiled by `npm run build:wasm`
// into dist/nn/wasm/kernels.wasm; tsc and eslint do not read this folder). The JavaScript side
// (../wasm-workspace.ts) lays every array out in linear memory and describes the network in a header
// of i32 words at `net`; these functions only follow the pointers.
//
// The algorithm is the JavaScript Workspace's (Nielsen's mini-batch SGD), in float32 with four lanes:
// weights transposed [in x out], each row padded to a multiple of 4 columns (padding stays zero),
// zero input pixels left out of the first layer's forward pass and weight gradient, the output layer's
// function, cost and delta in float64. Nothing here is relaxed or threaded, so the same inputs give the
// same bits on every run.

// Header, byte offsets of i32 words.
@inline const H_DEPTH: usize = 0;
@inline const H_ACTIVATION: usize = 4; // 0 sigmoid, 1 tanh, 2 relu
@inline const H_OUTPUT: usize = 8; // 0 sigmoid, 1 softmax
@inline const H_COST: usize = 12; // 0 quadratic, 1 cross-entropy
@inline const H_INPUTS: usize = 16; // layers[0]
@inline const H_NZ_ROW: usize = 20; // i32[layers[0]]: byte offset of each non-zero input's weight row
@inline const H_NZ_VALUE: usize = 24; // f32[layers[0]]: its value
@inline const H_TOUCHED: usize = 28; // u8[layers[0]]: first-layer rows with a gradient this mini-batch
@inline const H_TOUCHED_LIST: usize = 32; // i32[layers[0]]: their byte offsets
@inline const H_TOUCHED_COUNT: usize = 36;
@inline const H_PIXEL: usize = 40; // f32[256]: a pixel byte as the network sees it
@inline const H_OUT64: usize = 44; // f64[out]: the output layer's activations
@inline const H_LIST_ROW: usize = 48; // i32[widest]: a hidden layer's non-zero activations, as rows
@inline const H_LIST_VALUE: usize = 52; // f32[widest]
@inline const H_NZ_COUNT: usize = 56;
@inline const H_LAYERS: usize = 64;
// One block of words per weight layer l, at H_LAYERS + l * L_SIZE.
@inline const L_IN: usize = 0;
@inline const L_OUT: usize = 4;
@inline const L_PAD: usize = 8; // L_OUT rounded up to a multiple of 4
@inline const L_W: usize = 12; // f32[in x pad]
@inline const L_B: usize = 16; // f32[pad]
@inline const L_GW: usize = 20;
@inline const L_GB: usize = 24;
@inline const L_VW: usize = 28; // 0 without momentum
@inline const L_VB: usize = 32;
@inline const L_ACT: usize = 36; // f32[pad]: this layer's outputs for the current sample
@inline const L_DELTA: usize = 40; // f32[pad]: dC/dz for the current sample (padding zero)
@inline const L_SIZE: usize = 48;

/** Where the JavaScript side may start laying out arrays. */
export function heapBase(): usize {
	return __heap_base;
}

@inline function layer(net: usize, l: i32): usize {
	return net + H_LAYERS + <usize>l * L_SIZE;
}

@inline function word(p: usize, offset: usize): usize {
	return <usize>load<i32>(p + offset);
}

/** The non-zero pixels of the image at `image` into the header's list (row offsets and values); returns how many. */
function nonZeroPixels(net: usize, image: usize): i32 {
	const nIn = load<i32>(net + H_INPUTS);
	const rows = word(net, H_NZ_ROW);
	const values = word(net, H_NZ_VALUE);
	const table = word(net, H_PIXEL);
	const rowBytes = load<i32>(layer(net, 0) + L_PAD) << 2;
	const zero = i8x16.splat(0);
	let count = 0;
	for (let p = 0; p < nIn; p += 16) {
		// Sixteen pixels at a time, a bit for each non-zero one (the last block's bits past nIn cleared).
		let mask = i8x16.bitmask(i8x16.ne(v128.load(image + <usize>p), zero));
		if (p + 16 > nIn) {
			mask &= (1 << (nIn - p)) - 1;
		}

		while (mask != 0) {
			const q = p + ctz(mask);
			store<i32>(rows + (<usize>count << 2), q * rowBytes);
			store<f32>(values + (<usize>count << 2), load<f32>(table + (<usize>load<u8>(image + <usize>q) << 2)));
			count++;
			mask &= mask - 1;
		}
	}

	store<i32>(net + H_NZ_COUNT, count);
	return count;
}

/**
 * z[0..pad) = b + sum over k of value[k] * w[row[k]], the rows given as byte offsets into w: the
 * inputs in list order, each output column a lane. Sixteen columns at a time stay in registers.
 */
function affine(rows: usize, values: usize, count: i32, w: usize, b: usize, z: usize, pad: i32): void {
	let j = 0;
	for (; j + 16 <= pad; j += 16) {
		const off = <usize>j << 2;
		let a0 = v128.load(b + off);
		let a1 = v128.load(b + off, 16);
		let a2 = v128.load(b + off, 32);
		let a3 = v128.load(b + off, 48);
		for (let k = 0; k < count; k++) {
			const v = f32x4.splat(load<f32>(values + (<usize>k << 2)));
			const r = w + <usize>load<i32>(rows + (<usize>k << 2)) + off;
			a0 = f32x4.add(a0, f32x4.mul(v, v128.load(r)));
			a1 = f32x4.add(a1, f32x4.mul(v, v128.load(r, 16)));
			a2 = f32x4.add(a2, f32x4.mul(v, v128.load(r, 32)));
			a3 = f32x4.add(a3, f32x4.mul(v, v128.load(r, 48)));
		}

		v128.store(z + off, a0);
		v128.store(z + off, a1, 16);
		v128.store(z + off, a2, 32);
		v128.store(z + off, a3, 48);
	}

	for (; j < pad; j += 4) {
		const off = <usize>j << 2;
		let a0 = v128.load(b + off);
		for (let k = 0; k < count; k++) {
			const v = f32x4.splat(load<f32>(values + (<usize>k << 2)));
			a0 = f32x4.add(a0, f32x4.mul(v, v128.load(w + <usize>load<i32>(rows + (<usize>k << 2)) + off)));
		}

		v128.store(z + off, a0);
	}
}

/** g[row[k]] += value[k] * d for every listed row (d: pad floats, kept in registers 16 at a time). */
function accumulateRows(rows: usize, values: usize, count: i32, g: usize, d: usize, pad: i32): void {
	let j = 0;
	for (; j + 16 <= pad; j += 16) {
		const off = <usize>j << 2;
		const d0 = v128.load(d + off);
		const d1 = v128.load(d + off, 16);
		const d2 = v128.load(d + off, 32);
		const d3 = v128.load(d + off, 48);
		for (let k = 0; k < count; k++) {
			const v = f32x4.splat(load<f32>(values + (<usize>k << 2)));
			const r = g + <usize>load<i32>(rows + (<usize>k << 2)) + off;
			v128.store(r, f32x4.add(v128.load(r), f32x4.mul(v, d0)));
			v128.store(r, f32x4.add(v128.load(r, 16), f32x4.mul(v, d1)), 16);
			v128.store(r, f32x4.add(v128.load(r, 32), f32x4.mul(v, d2)), 32);
			v128.store(r, f32x4.add(v128.load(r, 48), f32x4.mul(v, d3)), 48);
		}
	}

	for (; j < pad; j += 4) {
		const off = <usize>j << 2;
		const d0 = v128.load(d + off);
		for (let k = 0; k < count; k++) {
			const v = f32x4.splat(load<f32>(values + (<usize>k << 2)));
			const r = g + <usize>load<i32>(rows + (<usize>k << 2)) + off;
			v128.store(r, f32x4.add(v128.load(r), f32x4.mul(v, d0)));
		}
	}
}

function activateHidden(kind: i32, z: usize, n: i32): void {
	for (let i = 0; i < n; i++) {
		const p = z + (<usize>i << 2);
		const x = load<f32>(p);
		if (kind == 0) {
			store<f32>(p, <f32>1 / (<f32>1 + Mathf.exp(-x)));
		} else if (kind == 1) {
			store<f32>(p, Mathf.tanh(x));
		} else if (x < 0) {
			store<f32>(p, 0); // NaN stays NaN, so divergence is still seen
		}
	}
}

@inline function hiddenDerivative(kind: i32, a: f32): f32 {
	if (kind == 0) {
		return a * (<f32>1 - a);
	}

	if (kind == 1) {
		return <f32>1 - (a * a);
	}

	return a > 0 ? <f32>1 : <f32>0;
}

/** The output function in float64 on the output layer's z, into the header's out64. */
function activateOutput(net: usize, z: usize, n: i32): void {
	const out = word(net, H_OUT64);
	if (load<i32>(net + H_OUTPUT) == 0) {
		for (let i = 0; i < n; i++) {
			store<f64>(out + (<usize>i << 3), 1 / (1 + Math.exp(-<f64>load<f32>(z + (<usize>i << 2)))));
		}

		return;
	}

	let max = -Infinity;
	for (let i = 0; i < n; i++) {
		const x = <f64>load<f32>(z + (<usize>i << 2));
		if (x > max) {
			max = x;
		}
	}

	let sum = 0.0;
	for (let i = 0; i < n; i++) {
		const e = Math.exp(<f64>load<f32>(z + (<usize>i << 2)) - max);
		store<f64>(out + (<usize>i << 3), e);
		sum += e;
	}

	for (let i = 0; i < n; i++) {
		const p = out + (<usize>i << 3);
		store<f64>(p, load<f64>(p) / sum);
	}
}

/** The forward pass of the current input (the header's non-zero list); outputs in out64. */
function forward(net: usize): void {
	const depth = load<i32>(net + H_DEPTH);
	const kind = load<i32>(net + H_ACTIVATION);
	const listRows = word(net, H_LIST_ROW);
	const listValues = word(net, H_LIST_VALUE);
	for (let l = 0; l < depth; l++) {
		const L = layer(net, l);
		const pad = load<i32>(L + L_PAD);
		const z = word(L, L_ACT);
		if (l == 0) {
			affine(word(net, H_NZ_ROW), word(net, H_NZ_VALUE), load<i32>(net + H_NZ_COUNT), word(L, L_W), word(L, L_B), z, pad);
		} else {
			// The previous layer's non-zero activations as a list, as the first layer's pixels.
			const a = word(layer(net, l - 1), L_ACT);
			const nIn = load<i32>(L + L_IN);
			const rowBytes = pad << 2;
			let count = 0;
			for (let i = 0; i < nIn; i++) {
				const v = load<f32>(a + (<usize>i << 2));
				if (v != 0) {
					store<i32>(listRows + (<usize>count << 2), i * rowBytes);
					store<f32>(listValues + (<usize>count << 2), v);
					count++;
				}
			}

			affine(listRows, listValues, count, word(L, L_W), word(L, L_B), z, pad);
		}

		if (l + 1 == depth) {
			activateOutput(net, z, load<i32>(L + L_OUT));
		} else {
			activateHidden(kind, z, load<i32>(L + L_OUT));
		}
	}
}

const tiny: f64 = 5e-324;

/** The cost of out64 against `label` and the output layer's delta (float32, padding zero). */
function outputCostAndDelta(net: usize, label: i32): f64 {
	const depth = load<i32>(net + H_DEPTH);
	const L = layer(net, depth - 1);
	const n = load<i32>(L + L_OUT);
	const a = word(net, H_OUT64);
	const delta = word(L, L_DELTA);
	const softmax = load<i32>(net + H_OUTPUT) == 1;
	let c = 0.0;
	if (load<i32>(net + H_COST) == 1) {
		for (let i = 0; i < n; i++) {
			const ai = load<f64>(a + (<usize>i << 3));
			const y: f64 = i == label ? 1 : 0;
			store<f32>(delta + (<usize>i << 2), <f32>(ai - y));
			if (!softmax) {
				c -= Math.log(Math.max(y == 1 ? ai : 1 - ai, tiny));
			}
		}

		if (softmax) {
			c = -Math.log(Math.max(load<f64>(a + (<usize>label << 3)), tiny));
		}

		return c;
	}

	let s = 0.0;
	for (let i = 0; i < n; i++) {
		const ai = load<f64>(a + (<usize>i << 3));
		const e = ai - (i == label ? 1 : 0);
		c += e * e;
		s += e * ai;
	}

	for (let i = 0; i < n; i++) {
		const ai = load<f64>(a + (<usize>i << 3));
		const e = ai - (i == label ? 1 : 0);
		// Sigmoid: e * a(1-a). Softmax Jacobian: a_k * (e_k - sum_i e_i a_i).
		store<f32>(delta + (<usize>i << 2), <f32>(softmax ? ai * (e - s) : e * (ai * (1 - ai))));
	}

	return 0.5 * c;
}

/** Back-propagate the current sample against `label`, adding its gradient to the sums; returns its cost. */
function backward(net: usize, label: i32): f64 {
	const depth = load<i32>(net + H_DEPTH);
	const kind = load<i32>(net + H_ACTIVATION);
	const cost = outputCostAndDelta(net, label);
	for (let l = depth - 1; l >= 0; l--) {
		const L = layer(net, l);
		const pad = load<i32>(L + L_PAD);
		const d = word(L, L_DELTA);
		const gb = word(L, L_GB);
		for (let j = 0; j < pad; j += 4) {
			const off = <usize>j << 2;
			v128.store(gb + off, f32x4.add(v128.load(gb + off), v128.load(d + off)));
		}

		if (l == 0) {
			accumulateRows(word(net, H_NZ_ROW), word(net, H_NZ_VALUE), load<i32>(net + H_NZ_COUNT), word(L, L_GW), d, pad);
			continue;
		}

		const P = layer(net, l - 1);
		const a = word(P, L_ACT);
		const dPrevious = word(P, L_DELTA);
		const w = word(L, L_W);
		const g = word(L, L_GW);
		const nIn = load<i32>(L + L_IN);
		const rowBytes = <usize>pad << 2;
		for (let i = 0; i < nIn; i++) {
			const v = load<f32>(a + (<usize>i << 2));
			const row = <usize>i * rowBytes;
			let back = f32x4.splat(0);
			for (let j = 0; j < pad; j += 4) {
				const off = row + (<usize>j << 2);
				back = f32x4.add(back, f32x4.mul(v128.load(w + off), v128.load(d + (<usize>j << 2))));
			}

			const sum = (f32x4.extract_lane(back, 0) + f32x4.extract_lane(back, 1)) + (f32x4.extract_lane(back, 2) + f32x4.extract_lane(back, 3));
			store<f32>(dPrevious + (<usize>i << 2), sum * hiddenDerivative(kind, v));
			if (v != 0) {
				const vv = f32x4.splat(v);
				for (let j = 0; j < pad; j += 4) {
					const off = row + (<usize>j << 2);
					v128.store(g + off, f32x4.add(v128.load(g + off), f32x4.mul(vv, v128.load(d + (<usize>j << 2)))));
				}
			}
		}
	}

	return cost;
}

/** w <- decay*w - lr*g (w - lr*g when decay is 1), g <- 0, over `n` floats (a multiple of 4). */
function stepDense(w: usize, g: usize, n: i32, decay: f32, lr: f32): void {
	const vlr = f32x4.splat(lr);
	const zero = f32x4.splat(0);
	const end = w + (<usize>n << 2);
	if (decay == 1) {
		for (; w < end; w += 16, g += 16) {
			v128.store(w, f32x4.sub(v128.load(w), f32x4.mul(vlr, v128.load(g))));
			v128.store(g, zero);
		}
	} else {
		const vdecay = f32x4.splat(decay);
		for (; w < end; w += 16, g += 16) {
			v128.store(w, f32x4.sub(f32x4.mul(vdecay, v128.load(w)), f32x4.mul(vlr, v128.load(g))));
			v128.store(g, zero);
		}
	}
}

/** v <- mu*v - lr*g - weightDecay*w ; w <- w + v ; g <- 0, over `n` floats. */
function stepMomentum(w: usize, g: usize, v: usize, n: i32, lr: f32, weightDecay: f32, mu: f32): void {
	const vlr = f32x4.splat(lr);
	const vwd = f32x4.splat(weightDecay);
	const vmu = f32x4.splat(mu);
	const zero = f32x4.splat(0);
	const end = w + (<usize>n << 2);
	for (; w < end; w += 16, g += 16, v += 16) {
		const w0 = v128.load(w);
		const v0 = f32x4.sub(f32x4.sub(f32x4.mul(vmu, v128.load(v)), f32x4.mul(vlr, v128.load(g))), f32x4.mul(vwd, w0));
		v128.store(v, v0);
		v128.store(w, f32x4.add(w0, v0));
		v128.store(g, zero);
	}
}

/** One SGD step for a mini-batch of m samples out of n, then clear the sums (and the touched rows). */
function update(net: usize, m: i32, eta: f64, lambda: f64, mu: f64, n: f64): void {
	const depth = load<i32>(net + H_DEPTH);
	const lr = <f32>(eta / m);
	const decayTerm = eta * lambda / n;
	for (let l = 0; l < depth; l++) {
		const L = layer(net, l);
		const pad = load<i32>(L + L_PAD);
		const size = load<i32>(L + L_IN) * pad;
		if (mu > 0) {
			stepMomentum(word(L, L_W), word(L, L_GW), word(L, L_VW), size, lr, <f32>decayTerm, <f32>mu);
			stepMomentum(word(L, L_B), word(L, L_GB), word(L, L_VB), pad, lr, 0, <f32>mu);
			continue;
		}

		if (l == 0 && decayTerm == 0) {
			// Only the rows some sample of the mini-batch touched have a gradient: the others would not change.
			const list = word(net, H_TOUCHED_LIST);
			const touched = word(net, H_TOUCHED);
			const count = load<i32>(net + H_TOUCHED_COUNT);
			const rowBytes = pad << 2;
			for (let k = 0; k < count; k++) {
				const row = <usize>load<i32>(list + (<usize>k << 2));
				stepDense(word(L, L_W) + row, word(L, L_GW) + row, pad, 1, lr);
				store<u8>(touched + row / <usize>rowBytes, 0);
			}

			store<i32>(net + H_TOUCHED_COUNT, 0);
		} else {
			stepDense(word(L, L_W), word(L, L_GW), size, <f32>(1 - decayTerm), lr);
		}

		stepDense(word(L, L_B), word(L, L_GB), pad, 1, lr);
	}
}

// A split resident in memory, its images sparse: a header of i32 words at `split`.
@inline const S_OFFSETS: usize = 0; // u32[count + 1]: where each image's non-zero pixels start
@inline const S_INDICES: usize = 4; // u16[total]: their positions
@inline const S_VALUES: usize = 8; // u8[total]: their bytes
@inline const S_LABELS: usize = 12; // u8[count]

/** How many non-zero bytes there are in `count` images of nIn bytes at `images` (read 16 at a time). */
export function countNonZero(images: usize, count: i32, nIn: i32): i32 {
	const zero = i8x16.splat(0);
	let total = 0;
	for (let s = 0; s < count; s++) {
		const image = images + <usize>s * <usize>nIn;
		for (let p = 0; p < nIn; p += 16) {
			let mask = i8x16.bitmask(i8x16.ne(v128.load(image + <usize>p), zero));
			if (p + 16 > nIn) {
				mask &= (1 << (nIn - p)) - 1;
			}

			total += popcnt(mask);
		}
	}

	return total;
}

/**
 * Append `count` images of nIn bytes at `images` to the split as images first.. (offsets[first]
 * already says where the first one starts): each image's non-zero pixels, position and byte.
 */
export function encodeImages(split: usize, images: usize, first: i32, count: i32, nIn: i32): void {
	const offsets = word(split, S_OFFSETS);
	const indices = word(split, S_INDICES);
	const values = word(split, S_VALUES);
	const zero = i8x16.splat(0);
	let e = load<u32>(offsets + (<usize>first << 2));
	for (let s = 0; s < count; s++) {
		const image = images + <usize>s * <usize>nIn;
		for (let p = 0; p < nIn; p += 16) {
			let mask = i8x16.bitmask(i8x16.ne(v128.load(image + <usize>p), zero));
			if (p + 16 > nIn) {
				mask &= (1 << (nIn - p)) - 1;
			}

			while (mask != 0) {
				const q = p + ctz(mask);
				store<u16>(indices + (<usize>e << 1), <u16>q);
				store<u8>(values + <usize>e, load<u8>(image + <usize>q));
				e++;
				mask &= mask - 1;
			}
		}

		store<u32>(offsets + (<usize>(first + s + 1) << 2), e);
	}
}

/** Image s of the split as the current input (the header's non-zero list), marking its rows with `mark`. */
@inline function listResident(net: usize, split: usize, s: i32, mark: bool): void {
	const rows = word(net, H_NZ_ROW);
	const values = word(net, H_NZ_VALUE);
	const table = word(net, H_PIXEL);
	const touched = word(net, H_TOUCHED);
	const list = word(net, H_TOUCHED_LIST);
	const rowBytes = load<i32>(layer(net, 0) + L_PAD) << 2;
	const offsets = word(split, S_OFFSETS) + (<usize>s << 2);
	const indices = word(split, S_INDICES);
	const bytes = word(split, S_VALUES);
	const from = load<u32>(offsets);
	const count = <i32>(load<u32>(offsets, 4) - from);
	let touchedCount = mark ? load<i32>(net + H_TOUCHED_COUNT) : 0;
	for (let k = 0; k < count; k++) {
		const e = <usize>(from + <u32>k);
		const q = <i32>load<u16>(indices + (e << 1));
		const row = q * rowBytes;
		store<i32>(rows + (<usize>k << 2), row);
		store<f32>(values + (<usize>k << 2), load<f32>(table + (<usize>load<u8>(bytes + e) << 2)));
		if (mark) {
			if (load<u8>(touched + <usize>q) == 0) {
				store<u8>(touched + <usize>q, 1);
				store<i32>(list + (<usize>touchedCount << 2), row);
				touchedCount++;
			}
		}
	}

	if (mark) {
		store<i32>(net + H_TOUCHED_COUNT, touchedCount);
	}

	store<i32>(net + H_NZ_COUNT, count);
}

function trainOn(net: usize, split: usize, order: usize, count: i32, batch: i32, eta: f64, lambda: f64, mu: f64, n: f64, mark: bool): f64 {
	const labels = word(split, S_LABELS);
	let cost = 0.0;
	for (let start = 0; start < count; start += batch) {
		const end = min(start + batch, count);
		for (let k = start; k < end; k++) {
			const s = load<i32>(order + (<usize>k << 2));
			listResident(net, split, s, mark);
			forward(net);
			cost += backward(net, load<u8>(labels + <usize>s));
		}

		update(net, end - start, eta, lambda, mu, n);
	}

	return cost;
}

/**
 * Train on `count` samples of the resident split, its images order[0..count) (u32) in that order,
 * in mini-batches of `batch` (the last may be smaller), each followed by its SGD step for a training
 * set of n samples. Returns the sum of the samples' costs, each before its mini-batch's step.
 */
export function trainSlice(net: usize, split: usize, order: usize, count: i32, batch: i32, eta: f64, lambda: f64, mu: f64, n: f64): f64 {
	// Without decay or momentum only the rows the mini-batch touched change: mark them.
	return mu == 0 && eta * lambda / n == 0
		? trainOn(net, split, order, count, batch, eta, lambda, mu, n, true)
		: trainOn(net, split, order, count, batch, eta, lambda, mu, n, false);
}

/** The predicted class (largest output, the first on ties) of `count` images of layers[0] bytes at `images`, as bytes into `out`. */
export function predictSlice(net: usize, images: usize, count: i32, out: usize): void {
	const nIn = <usize>load<i32>(net + H_INPUTS);
	const depth = load<i32>(net + H_DEPTH);
	const classes = load<i32>(layer(net, depth - 1) + L_OUT);
	const a = word(net, H_OUT64);
	for (let s = 0; s < count; s++) {
		nonZeroPixels(net, images + <usize>s * nIn);
		forward(net);
		let best = 0;
		for (let i = 1; i < classes; i++) {
			if (load<f64>(a + (<usize>i << 3)) > load<f64>(a + (<usize>best << 3))) {
				best = i;
			}
		}

		store<u8>(out + <usize>s, <u8>best);
	}
}

/** The forward pass of one image of layers[0] bytes at `image`; the outputs are in the header's out64. */
export function forwardImage(net: usize, image: usize): void {
	nonZeroPixels(net, image);
	forward(net);
}
