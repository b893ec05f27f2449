import { dataset } from "../../src/data";
import {
  decodeDataset,
  encodeDataset,
  encodeObservationDetails,
  encodeSourceDetails,
} from "../../src/data/compact";
import { PaneDetails } from "../../src/data/details";

describe("the compact dataset the functions bundle embeds", () => {
  const decoded = decodeDataset(JSON.parse(JSON.stringify(encodeDataset(dataset))));
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const withoutSteps = decoded.observations.map(({ step, ...rest }) => rest);

  test("decodes to every observation without the words only the pane shows", () => {
    const strip = dataset.observations.map(
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      ({ note, reportedAs, levelsDiffer, ...rest }) => rest
    );
    expect(withoutSteps).toEqual(strip);
  });

  test("decodes to every source with what a citation needs", () => {
    const strip = dataset.sources.map(
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      ({ title, titleFrom, dateFrom, accessed, original, ...rest }) =>
        original
          ? { ...rest, original: { publisher: original.publisher, url: original.url } }
          : rest
    );
    expect(decoded.sources).toEqual(strip);
  });

  test("carries the rounding step of every printed figure", () => {
    const printed = dataset.observations.filter((o) => o.reportedAs);
    expect(printed.length).toBeGreaterThan(100);
    const steps = decoded.observations.filter((o) => o.step !== undefined);
    expect(steps).toHaveLength(printed.length);
    const i = dataset.observations.findIndex((o) => o.reportedAs === "$1.19 trillion");
    const trillion = decoded.observations[i];
    expect(trillion?.step).toBe(10);
  });

  test("is smaller than the files it encodes", () => {
    const plain = JSON.stringify(dataset).length;
    expect(JSON.stringify(encodeDataset(dataset)).length).toBeLessThan(plain / 2);
  });
});

describe("the pane's details beside the functions' records", () => {
  const decoded = decodeDataset(encodeDataset(dataset));
  const details = new PaneDetails(
    decoded.observations,
    decoded.sources,
    encodeObservationDetails(dataset.observations),
    encodeSourceDetails(dataset.sources)
  );

  test("give back every observation and source as written", () => {
    expect(
      decoded.observations.map((o) => {
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        const { step, ...full } = details.observation(o) as typeof o & { step?: number };
        return full;
      })
    ).toEqual(dataset.observations);
    expect(decoded.sources.map((s) => details.source(s))).toEqual(dataset.sources);
  });

  test("answer nothing for a record they do not know", () => {
    const stranger = { ...decoded.observations[0] };
    expect(details.note(stranger)).toBe("");
    expect(details.reportedAs(stranger)).toBeUndefined();
  });
});
