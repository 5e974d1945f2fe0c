/**
 * The messages bench/detector.ts measures (and bench/detectorOracle.ts compares): sentences of
 * everyday back-pain talk, some with a warning sign, stitched by a fixed seed.
 */
export const SENTENCES = [
  'my back has been stiff since Monday and the pain goes down into my left calf when I sit for a long time',
  'walking helps a bit and the exercises from yesterday were fine',
  'although the second one made my back ache for an hour afterwards',
  'I am sleeping better than last week but mornings are still hard',
  'the physio said to keep moving and not to rest in bed all day',
  'I did the press ups on the floor twice today and my leg felt easier after',
  'sitting at my desk is the worst, I have to get up every half hour',
  'my husband has been doing the shopping so I do not have to lift anything',
  'I took two paracetamol this morning and it took the edge off',
  'the pain is about a five today, it was a seven on Saturday',
  'I noticed the tingling in my foot is less when I lie on my front',
  'is it normal for the stretch to pull at the back of my thigh',
  'I went for a short walk round the park and came back feeling ok',
  'bending to put my socks on is still a struggle some days',
  'my bum goes a bit numb when I sit on the toilet',
  'I have had some trouble peeing since yesterday',
  'both my legs feel weak going up the stairs',
  'I had cancer a few years ago and my back is worse now',
  'no numbness down there and my bladder is fine',
  'what should I do if I ever lose control of my bladder',
];

/** A small deterministic generator (mulberry32), so every run measures the same messages. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function messages(count: number, length: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => {
    let text = `message ${index}.`;
    while (text.length < length) text += ` ${SENTENCES[Math.floor(next() * SENTENCES.length)]}${next() < 0.5 ? ',' : '.'}`;
    return text.slice(0, length);
  });
}
