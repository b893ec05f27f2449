import { addin } from "../core";
import { share } from "../core/shared";
import { paneDetails } from "./details";

// The task pane loads after functions.js on the same page and uses this catalogue and these words.
share(() => ({ ...addin(), details: paneDetails }));
