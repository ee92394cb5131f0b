// The file extensions the backend accepts in a model directory: it fails the whole model on any other.
export const ALLOWED_EXTENSIONS = new Set(
  'bpmn css csv dmn doc docx gif jpg json md pdf png ppt pptx rtf sql svg txt xls xlsx xml zip'.split(' '),
);
