import { h, svg } from "../dom";
import { chartModel, valueRows } from "../view/series";

/** A series' values as an SVG chart: a line through runs of periods, or bars for a few values. */
export function chart(rows: ReturnType<typeof valueRows>, name: string) {
  const model = chartModel(rows);
  if (!model) return h("p", { class: "muted" }, "Nothing to chart.");
  const marks =
    model.kind === "line"
      ? model.runs.map((run) =>
          svg("polyline", {
            class: "line",
            points: run.map((i) => `${model.points[i].x},${model.points[i].y}`).join(" "),
          })
        )
      : model.points.map((p) => {
          const base = model.zeroY ?? model.height - 18;
          return svg(
            "rect",
            {
              class: "bar",
              x: p.x - 6,
              y: Math.min(p.y, base),
              width: 12,
              height: Math.max(Math.abs(base - p.y), 1),
            },
            svg("title", {}, p.label)
          );
        });
  const dots =
    model.kind === "line"
      ? model.points.map((p) =>
          svg("circle", { class: "dot", cx: p.x, cy: p.y, r: 2 }, svg("title", {}, p.label))
        )
      : [];
  return svg(
    "svg",
    {
      class: "chart",
      viewBox: `0 0 ${model.width} ${model.height}`,
      role: "img",
      "aria-label": `${name}, ${model.first} to ${model.last}`,
    },
    svg("title", {}, `${name}, ${model.first} to ${model.last}`),
    model.zeroY !== null
      ? svg("line", {
          class: "axis",
          x1: 36,
          x2: model.width - 8,
          y1: model.zeroY,
          y2: model.zeroY,
        })
      : null,
    svg("text", { class: "tick", x: 2, y: 14 }, String(model.max)),
    svg("text", { class: "tick", x: 2, y: model.height - 20 }, String(model.min)),
    svg("text", { class: "tick", x: 36, y: model.height - 4 }, model.first),
    svg(
      "text",
      { class: "tick", x: model.width - 8, y: model.height - 4, "text-anchor": "end" },
      model.last
    ),
    ...marks,
    ...dots
  );
}
