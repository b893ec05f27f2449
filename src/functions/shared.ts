import { addin } from "../core";
import { share } from "../core/shared";

// The task pane loads after functions.js on the same page and uses this catalogue.
share(addin);
