import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);

// src/generated/schemas.ts
var validateConfig = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://raw.githubusercontent.com/spiff-models/spiff-models/main/schemas/config.schema.json", "title": "spiff-models configuration (.spiff-models.yml / .spiff-models.json)", "description": "Severities per rule. See the rule reference in the README.", "type": "object", "additionalProperties": false, "properties": { "$schema": { "type": "string", "description": "This schema, for editors." }, "rules": { "type": "object", "description": "Rule id -> off | warning | error (warn is accepted for warning).", "additionalProperties": false, "properties": { "adhoc-subprocess": { "description": "an ad hoc sub-process contains a start or end event (the parser refuses them) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "boundary-event-definition": { "description": 'a boundary event has no event definition the engine reads (BoundaryEventParser: "Unsupported Catch Event") (default: error)', "enum": ["off", "warning", "warn", "error", "info"] }, "bpmn-not-definitions": { "description": "a well-formed .bpmn file is not a bpmn:definitions document (an SVG export, say): the backend finds nothing in it (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "business-rule-task": { "description": "a business rule task has no calledDecisionId, or its decision is not the first decision of a .dmn in the same folder (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "call-activity": { "description": "a call activity has no calledElement, or calls a process id no process model of the repo offers (defined nowhere, outside every model directory, or in a model with a file that does not load) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "cancel-event": { "description": "a cancel boundary event is attached to something other than a transaction (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "conditional-event": { "description": "a conditional event has no condition (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "correlation-expression-empty": { "description": "a correlation property has an empty retrieval expression for a message: the engine drops it, so it never correlates (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "dangling-sequence-flow": { "description": "a sequence flow targets an id that no element of its own process (or sub-process) has: another pool, or nowhere (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "data-association": { "description": "a data input/output association names no data object reference or data store reference (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "data-store-file": { "description": "JSONFileDataStore writes into the models directory: it fails on a read-only (baked) image (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "data-store-name": { "description": "a bpmn:dataStore names an implementation the backend does not have (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "dmn-structure": { "description": "a DMN file does not hold exactly one decision with a decision table (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "duplicate-process-id": { "description": "the same process id is defined twice in a model, or in two models of the repo (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "event-gateway-target": { "description": "an event-based gateway leads to something other than a catching event with an event definition (the parser crashes) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "event-reference": { "description": "a messageRef / signalRef / errorRef / escalationRef names no element of that kind (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "file-extension": { "description": "a file in a model directory has an extension the backend refuses (invalid_type) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "file-too-large": { "description": "a file over 64 MiB is listed but not checked (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "form-json": { "description": "a JSON file of a model (form, test, data store) is not valid JSON (and holds no Jinja markers), or starts with a byte-order mark (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "gateway-flow-condition": { "description": "an outgoing flow of an exclusive or inclusive gateway is neither the default nor conditioned (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "group-json": { "description": "process_group.json is not valid JSON (a byte-order mark included) or lacks display_name (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "group-messages": { "description": "messages in process_group.json are malformed or a correlation property has no retrieval expression (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "id-invalid": { "description": "a group or model directory name contains ':' or '\\' (ids use '/', URLs use ':') (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "id-pattern": { "description": "a group or model directory name is outside the pattern the web UI creates (lower-case, digits, . and -) (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "implicit-split": { "description": "a task or event other than a gateway or start event has more than one outgoing sequence flow (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "invalid-encoding": { "description": "a JSON file is not UTF-8, or a BPMN or DMN file is neither UTF-8, UTF-16 nor the encoding its XML declaration names (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "json-format": { "description": "process_model.json / process_group.json is not in the format the backend writes (indent 4, sorted keys) (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "loop-characteristics": { "description": "multi-instance without exactly one of cardinality / input collection, or a loop without maximum or condition, or with a maximum that is no whole number (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "message-definition": { "description": "a bpmn:message has no id, or a correlation property lacks a retrieval expression or its messageRef (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "message-start-conflict": { "description": "two models start on the same message name (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "message-start-ref": { "description": "a message start event has no messageRef, or one that names no bpmn:message of its file: the backend fails indexing the file (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "model-in-group-folder": { "description": "a folder holds both process_group.json and process_model.json: the backend loads the model, but the UI's group tree shows the folder as a group and never the model (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "model-json-invalid": { "description": "process_model.json is not a JSON object (or starts with a byte-order mark: process_model_json_file_corrupted) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "model-json-lookalike": { "description": "a file named like *process_model.json (a backup, a copy) in a folder without process_model.json: the boot takes it for a model file and crashes (missing_name_of_process_model) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "model-json-required": { "description": "process_model.json lacks display_name or description, or a key has the wrong type (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "model-json-unknown-key": { "description": "process_model.json has a key ProcessModelInfo does not accept (crashes the backend at boot) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "model-outside-group": { "description": "a model is not inside any process group: it runs but the UI group tree does not show it (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "no-start-event": { "description": "an executable process has no top-level start event (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "primary-empty": { "description": "a model has no primary file: it is a library model and cannot be started (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "primary-process": { "description": "primary_file_name / primary_process_id do not name an executable process of the model (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "process-not-executable": { "description": 'a primary or called process has isExecutable="false" (default: error)', "enum": ["off", "warning", "warn", "error", "info"] }, "python-syntax": { "description": "a script, pre/post script, condition or expression is not valid Python (fails only when it runs) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "removed-since-base": { "description": "with --base: a model, process id or primary process that existed at the base ref is gone (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "rule-error": { "description": "a rule failed with an internal error on a file: its findings there are incomplete (the other rules ran) (default: error)", "enum": ["error"] }, "script-empty": { "description": "a script task has no script or an empty one: it runs and does nothing (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "service-task-operator": { "description": "a service task has no spiffworkflow:serviceTaskOperator with an id, or a parameter with a value lacks its id or type (the parser crashes) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "special-file": { "description": "a FIFO, socket or device (or a link to one) stands in the models tree: it is never opened, the backend would block or fail on it (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "spiff-extension": { "description": "a spiffworkflow:property lacks its name or value, or a script unit test its id, inputJson or expectedOutputJson (the parser crashes) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "subprocess-structure": { "description": "an embedded sub-process or transaction lacks exactly one start event or any end event (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "symlink-outside-root": { "description": "a symbolic link points outside the models root (or nowhere); it is not followed (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "timer-definition": { "description": "a timer event has none of timeDate, timeDuration, timeCycle (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "timer-iso-unquoted": { "description": "a timer expression is an unquoted ISO 8601 duration (PT5M): it is Python, so the timer fails with a NameError when it starts (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "unit-test-orphan": { "description": "test_X.json without X.bpmn in the same directory (the whole test run fails) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "unreadable-file": { "description": "a file or directory cannot be read (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "unsupported-element": { "description": "a reachable flow node is of a kind the engine has no parser for (e.g. complexGateway) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "user-task-form": { "description": "a user task names an empty or missing form file (missing_form_file when opened) (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "user-task-no-form": { "description": "a user task the engine reaches has no form schema file (missing_form_file when a person opens it); an unreachable one is a warning (default: error)", "enum": ["off", "warning", "warn", "error", "info"] }, "xml-doctype": { "description": "a .bpmn or .dmn file has a DOCTYPE: the backend never loads DTDs nor expands entities (default: warning)", "enum": ["off", "warning", "warn", "error", "info"] }, "xml-malformed": { "description": "a .bpmn or .dmn file is not well-formed XML, or a .dmn file is not a DMN definitions document (default: error)", "enum": ["off", "warning", "warn", "error", "info"] } } } } };
var func2 = Object.prototype.hasOwnProperty;
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "$schema" || key0 === "rules")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.$schema !== void 0) {
      if (typeof data.$schema !== "string") {
        const err1 = { instancePath: instancePath + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.rules !== void 0) {
      let data1 = data.rules;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          if (!func2.call(schema11.properties.rules.properties, key1)) {
            const err2 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
        if (data1["adhoc-subprocess"] !== void 0) {
          let data2 = data1["adhoc-subprocess"];
          if (!(data2 === "off" || data2 === "warning" || data2 === "warn" || data2 === "error" || data2 === "info")) {
            const err3 = { instancePath: instancePath + "/rules/adhoc-subprocess", schemaPath: "#/properties/rules/properties/adhoc-subprocess/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["adhoc-subprocess"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        if (data1["boundary-event-definition"] !== void 0) {
          let data3 = data1["boundary-event-definition"];
          if (!(data3 === "off" || data3 === "warning" || data3 === "warn" || data3 === "error" || data3 === "info")) {
            const err4 = { instancePath: instancePath + "/rules/boundary-event-definition", schemaPath: "#/properties/rules/properties/boundary-event-definition/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["boundary-event-definition"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data1["bpmn-not-definitions"] !== void 0) {
          let data4 = data1["bpmn-not-definitions"];
          if (!(data4 === "off" || data4 === "warning" || data4 === "warn" || data4 === "error" || data4 === "info")) {
            const err5 = { instancePath: instancePath + "/rules/bpmn-not-definitions", schemaPath: "#/properties/rules/properties/bpmn-not-definitions/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["bpmn-not-definitions"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data1["business-rule-task"] !== void 0) {
          let data5 = data1["business-rule-task"];
          if (!(data5 === "off" || data5 === "warning" || data5 === "warn" || data5 === "error" || data5 === "info")) {
            const err6 = { instancePath: instancePath + "/rules/business-rule-task", schemaPath: "#/properties/rules/properties/business-rule-task/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["business-rule-task"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data1["call-activity"] !== void 0) {
          let data6 = data1["call-activity"];
          if (!(data6 === "off" || data6 === "warning" || data6 === "warn" || data6 === "error" || data6 === "info")) {
            const err7 = { instancePath: instancePath + "/rules/call-activity", schemaPath: "#/properties/rules/properties/call-activity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["call-activity"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data1["cancel-event"] !== void 0) {
          let data7 = data1["cancel-event"];
          if (!(data7 === "off" || data7 === "warning" || data7 === "warn" || data7 === "error" || data7 === "info")) {
            const err8 = { instancePath: instancePath + "/rules/cancel-event", schemaPath: "#/properties/rules/properties/cancel-event/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["cancel-event"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data1["conditional-event"] !== void 0) {
          let data8 = data1["conditional-event"];
          if (!(data8 === "off" || data8 === "warning" || data8 === "warn" || data8 === "error" || data8 === "info")) {
            const err9 = { instancePath: instancePath + "/rules/conditional-event", schemaPath: "#/properties/rules/properties/conditional-event/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["conditional-event"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data1["correlation-expression-empty"] !== void 0) {
          let data9 = data1["correlation-expression-empty"];
          if (!(data9 === "off" || data9 === "warning" || data9 === "warn" || data9 === "error" || data9 === "info")) {
            const err10 = { instancePath: instancePath + "/rules/correlation-expression-empty", schemaPath: "#/properties/rules/properties/correlation-expression-empty/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["correlation-expression-empty"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data1["dangling-sequence-flow"] !== void 0) {
          let data10 = data1["dangling-sequence-flow"];
          if (!(data10 === "off" || data10 === "warning" || data10 === "warn" || data10 === "error" || data10 === "info")) {
            const err11 = { instancePath: instancePath + "/rules/dangling-sequence-flow", schemaPath: "#/properties/rules/properties/dangling-sequence-flow/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["dangling-sequence-flow"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data1["data-association"] !== void 0) {
          let data11 = data1["data-association"];
          if (!(data11 === "off" || data11 === "warning" || data11 === "warn" || data11 === "error" || data11 === "info")) {
            const err12 = { instancePath: instancePath + "/rules/data-association", schemaPath: "#/properties/rules/properties/data-association/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["data-association"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data1["data-store-file"] !== void 0) {
          let data12 = data1["data-store-file"];
          if (!(data12 === "off" || data12 === "warning" || data12 === "warn" || data12 === "error" || data12 === "info")) {
            const err13 = { instancePath: instancePath + "/rules/data-store-file", schemaPath: "#/properties/rules/properties/data-store-file/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["data-store-file"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data1["data-store-name"] !== void 0) {
          let data13 = data1["data-store-name"];
          if (!(data13 === "off" || data13 === "warning" || data13 === "warn" || data13 === "error" || data13 === "info")) {
            const err14 = { instancePath: instancePath + "/rules/data-store-name", schemaPath: "#/properties/rules/properties/data-store-name/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["data-store-name"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data1["dmn-structure"] !== void 0) {
          let data14 = data1["dmn-structure"];
          if (!(data14 === "off" || data14 === "warning" || data14 === "warn" || data14 === "error" || data14 === "info")) {
            const err15 = { instancePath: instancePath + "/rules/dmn-structure", schemaPath: "#/properties/rules/properties/dmn-structure/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["dmn-structure"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data1["duplicate-process-id"] !== void 0) {
          let data15 = data1["duplicate-process-id"];
          if (!(data15 === "off" || data15 === "warning" || data15 === "warn" || data15 === "error" || data15 === "info")) {
            const err16 = { instancePath: instancePath + "/rules/duplicate-process-id", schemaPath: "#/properties/rules/properties/duplicate-process-id/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["duplicate-process-id"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data1["event-gateway-target"] !== void 0) {
          let data16 = data1["event-gateway-target"];
          if (!(data16 === "off" || data16 === "warning" || data16 === "warn" || data16 === "error" || data16 === "info")) {
            const err17 = { instancePath: instancePath + "/rules/event-gateway-target", schemaPath: "#/properties/rules/properties/event-gateway-target/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["event-gateway-target"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data1["event-reference"] !== void 0) {
          let data17 = data1["event-reference"];
          if (!(data17 === "off" || data17 === "warning" || data17 === "warn" || data17 === "error" || data17 === "info")) {
            const err18 = { instancePath: instancePath + "/rules/event-reference", schemaPath: "#/properties/rules/properties/event-reference/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["event-reference"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        if (data1["file-extension"] !== void 0) {
          let data18 = data1["file-extension"];
          if (!(data18 === "off" || data18 === "warning" || data18 === "warn" || data18 === "error" || data18 === "info")) {
            const err19 = { instancePath: instancePath + "/rules/file-extension", schemaPath: "#/properties/rules/properties/file-extension/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["file-extension"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data1["file-too-large"] !== void 0) {
          let data19 = data1["file-too-large"];
          if (!(data19 === "off" || data19 === "warning" || data19 === "warn" || data19 === "error" || data19 === "info")) {
            const err20 = { instancePath: instancePath + "/rules/file-too-large", schemaPath: "#/properties/rules/properties/file-too-large/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["file-too-large"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data1["form-json"] !== void 0) {
          let data20 = data1["form-json"];
          if (!(data20 === "off" || data20 === "warning" || data20 === "warn" || data20 === "error" || data20 === "info")) {
            const err21 = { instancePath: instancePath + "/rules/form-json", schemaPath: "#/properties/rules/properties/form-json/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["form-json"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data1["gateway-flow-condition"] !== void 0) {
          let data21 = data1["gateway-flow-condition"];
          if (!(data21 === "off" || data21 === "warning" || data21 === "warn" || data21 === "error" || data21 === "info")) {
            const err22 = { instancePath: instancePath + "/rules/gateway-flow-condition", schemaPath: "#/properties/rules/properties/gateway-flow-condition/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["gateway-flow-condition"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data1["group-json"] !== void 0) {
          let data22 = data1["group-json"];
          if (!(data22 === "off" || data22 === "warning" || data22 === "warn" || data22 === "error" || data22 === "info")) {
            const err23 = { instancePath: instancePath + "/rules/group-json", schemaPath: "#/properties/rules/properties/group-json/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["group-json"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data1["group-messages"] !== void 0) {
          let data23 = data1["group-messages"];
          if (!(data23 === "off" || data23 === "warning" || data23 === "warn" || data23 === "error" || data23 === "info")) {
            const err24 = { instancePath: instancePath + "/rules/group-messages", schemaPath: "#/properties/rules/properties/group-messages/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["group-messages"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data1["id-invalid"] !== void 0) {
          let data24 = data1["id-invalid"];
          if (!(data24 === "off" || data24 === "warning" || data24 === "warn" || data24 === "error" || data24 === "info")) {
            const err25 = { instancePath: instancePath + "/rules/id-invalid", schemaPath: "#/properties/rules/properties/id-invalid/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["id-invalid"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        if (data1["id-pattern"] !== void 0) {
          let data25 = data1["id-pattern"];
          if (!(data25 === "off" || data25 === "warning" || data25 === "warn" || data25 === "error" || data25 === "info")) {
            const err26 = { instancePath: instancePath + "/rules/id-pattern", schemaPath: "#/properties/rules/properties/id-pattern/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["id-pattern"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data1["implicit-split"] !== void 0) {
          let data26 = data1["implicit-split"];
          if (!(data26 === "off" || data26 === "warning" || data26 === "warn" || data26 === "error" || data26 === "info")) {
            const err27 = { instancePath: instancePath + "/rules/implicit-split", schemaPath: "#/properties/rules/properties/implicit-split/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["implicit-split"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
        if (data1["invalid-encoding"] !== void 0) {
          let data27 = data1["invalid-encoding"];
          if (!(data27 === "off" || data27 === "warning" || data27 === "warn" || data27 === "error" || data27 === "info")) {
            const err28 = { instancePath: instancePath + "/rules/invalid-encoding", schemaPath: "#/properties/rules/properties/invalid-encoding/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["invalid-encoding"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        if (data1["json-format"] !== void 0) {
          let data28 = data1["json-format"];
          if (!(data28 === "off" || data28 === "warning" || data28 === "warn" || data28 === "error" || data28 === "info")) {
            const err29 = { instancePath: instancePath + "/rules/json-format", schemaPath: "#/properties/rules/properties/json-format/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["json-format"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data1["loop-characteristics"] !== void 0) {
          let data29 = data1["loop-characteristics"];
          if (!(data29 === "off" || data29 === "warning" || data29 === "warn" || data29 === "error" || data29 === "info")) {
            const err30 = { instancePath: instancePath + "/rules/loop-characteristics", schemaPath: "#/properties/rules/properties/loop-characteristics/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["loop-characteristics"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data1["message-definition"] !== void 0) {
          let data30 = data1["message-definition"];
          if (!(data30 === "off" || data30 === "warning" || data30 === "warn" || data30 === "error" || data30 === "info")) {
            const err31 = { instancePath: instancePath + "/rules/message-definition", schemaPath: "#/properties/rules/properties/message-definition/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["message-definition"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
        }
        if (data1["message-start-conflict"] !== void 0) {
          let data31 = data1["message-start-conflict"];
          if (!(data31 === "off" || data31 === "warning" || data31 === "warn" || data31 === "error" || data31 === "info")) {
            const err32 = { instancePath: instancePath + "/rules/message-start-conflict", schemaPath: "#/properties/rules/properties/message-start-conflict/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["message-start-conflict"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
        if (data1["message-start-ref"] !== void 0) {
          let data32 = data1["message-start-ref"];
          if (!(data32 === "off" || data32 === "warning" || data32 === "warn" || data32 === "error" || data32 === "info")) {
            const err33 = { instancePath: instancePath + "/rules/message-start-ref", schemaPath: "#/properties/rules/properties/message-start-ref/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["message-start-ref"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
        if (data1["model-in-group-folder"] !== void 0) {
          let data33 = data1["model-in-group-folder"];
          if (!(data33 === "off" || data33 === "warning" || data33 === "warn" || data33 === "error" || data33 === "info")) {
            const err34 = { instancePath: instancePath + "/rules/model-in-group-folder", schemaPath: "#/properties/rules/properties/model-in-group-folder/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["model-in-group-folder"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
        if (data1["model-json-invalid"] !== void 0) {
          let data34 = data1["model-json-invalid"];
          if (!(data34 === "off" || data34 === "warning" || data34 === "warn" || data34 === "error" || data34 === "info")) {
            const err35 = { instancePath: instancePath + "/rules/model-json-invalid", schemaPath: "#/properties/rules/properties/model-json-invalid/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["model-json-invalid"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
        if (data1["model-json-lookalike"] !== void 0) {
          let data35 = data1["model-json-lookalike"];
          if (!(data35 === "off" || data35 === "warning" || data35 === "warn" || data35 === "error" || data35 === "info")) {
            const err36 = { instancePath: instancePath + "/rules/model-json-lookalike", schemaPath: "#/properties/rules/properties/model-json-lookalike/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["model-json-lookalike"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data1["model-json-required"] !== void 0) {
          let data36 = data1["model-json-required"];
          if (!(data36 === "off" || data36 === "warning" || data36 === "warn" || data36 === "error" || data36 === "info")) {
            const err37 = { instancePath: instancePath + "/rules/model-json-required", schemaPath: "#/properties/rules/properties/model-json-required/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["model-json-required"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
        if (data1["model-json-unknown-key"] !== void 0) {
          let data37 = data1["model-json-unknown-key"];
          if (!(data37 === "off" || data37 === "warning" || data37 === "warn" || data37 === "error" || data37 === "info")) {
            const err38 = { instancePath: instancePath + "/rules/model-json-unknown-key", schemaPath: "#/properties/rules/properties/model-json-unknown-key/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["model-json-unknown-key"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
        if (data1["model-outside-group"] !== void 0) {
          let data38 = data1["model-outside-group"];
          if (!(data38 === "off" || data38 === "warning" || data38 === "warn" || data38 === "error" || data38 === "info")) {
            const err39 = { instancePath: instancePath + "/rules/model-outside-group", schemaPath: "#/properties/rules/properties/model-outside-group/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["model-outside-group"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err39];
            } else {
              vErrors.push(err39);
            }
            errors++;
          }
        }
        if (data1["no-start-event"] !== void 0) {
          let data39 = data1["no-start-event"];
          if (!(data39 === "off" || data39 === "warning" || data39 === "warn" || data39 === "error" || data39 === "info")) {
            const err40 = { instancePath: instancePath + "/rules/no-start-event", schemaPath: "#/properties/rules/properties/no-start-event/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["no-start-event"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data1["primary-empty"] !== void 0) {
          let data40 = data1["primary-empty"];
          if (!(data40 === "off" || data40 === "warning" || data40 === "warn" || data40 === "error" || data40 === "info")) {
            const err41 = { instancePath: instancePath + "/rules/primary-empty", schemaPath: "#/properties/rules/properties/primary-empty/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["primary-empty"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
        }
        if (data1["primary-process"] !== void 0) {
          let data41 = data1["primary-process"];
          if (!(data41 === "off" || data41 === "warning" || data41 === "warn" || data41 === "error" || data41 === "info")) {
            const err42 = { instancePath: instancePath + "/rules/primary-process", schemaPath: "#/properties/rules/properties/primary-process/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["primary-process"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
        }
        if (data1["process-not-executable"] !== void 0) {
          let data42 = data1["process-not-executable"];
          if (!(data42 === "off" || data42 === "warning" || data42 === "warn" || data42 === "error" || data42 === "info")) {
            const err43 = { instancePath: instancePath + "/rules/process-not-executable", schemaPath: "#/properties/rules/properties/process-not-executable/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["process-not-executable"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
        }
        if (data1["python-syntax"] !== void 0) {
          let data43 = data1["python-syntax"];
          if (!(data43 === "off" || data43 === "warning" || data43 === "warn" || data43 === "error" || data43 === "info")) {
            const err44 = { instancePath: instancePath + "/rules/python-syntax", schemaPath: "#/properties/rules/properties/python-syntax/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["python-syntax"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err44];
            } else {
              vErrors.push(err44);
            }
            errors++;
          }
        }
        if (data1["removed-since-base"] !== void 0) {
          let data44 = data1["removed-since-base"];
          if (!(data44 === "off" || data44 === "warning" || data44 === "warn" || data44 === "error" || data44 === "info")) {
            const err45 = { instancePath: instancePath + "/rules/removed-since-base", schemaPath: "#/properties/rules/properties/removed-since-base/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["removed-since-base"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
        }
        if (data1["rule-error"] !== void 0) {
          if (!(data1["rule-error"] === "error")) {
            const err46 = { instancePath: instancePath + "/rules/rule-error", schemaPath: "#/properties/rules/properties/rule-error/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["rule-error"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
        }
        if (data1["script-empty"] !== void 0) {
          let data46 = data1["script-empty"];
          if (!(data46 === "off" || data46 === "warning" || data46 === "warn" || data46 === "error" || data46 === "info")) {
            const err47 = { instancePath: instancePath + "/rules/script-empty", schemaPath: "#/properties/rules/properties/script-empty/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["script-empty"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err47];
            } else {
              vErrors.push(err47);
            }
            errors++;
          }
        }
        if (data1["service-task-operator"] !== void 0) {
          let data47 = data1["service-task-operator"];
          if (!(data47 === "off" || data47 === "warning" || data47 === "warn" || data47 === "error" || data47 === "info")) {
            const err48 = { instancePath: instancePath + "/rules/service-task-operator", schemaPath: "#/properties/rules/properties/service-task-operator/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["service-task-operator"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
        if (data1["special-file"] !== void 0) {
          let data48 = data1["special-file"];
          if (!(data48 === "off" || data48 === "warning" || data48 === "warn" || data48 === "error" || data48 === "info")) {
            const err49 = { instancePath: instancePath + "/rules/special-file", schemaPath: "#/properties/rules/properties/special-file/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["special-file"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err49];
            } else {
              vErrors.push(err49);
            }
            errors++;
          }
        }
        if (data1["spiff-extension"] !== void 0) {
          let data49 = data1["spiff-extension"];
          if (!(data49 === "off" || data49 === "warning" || data49 === "warn" || data49 === "error" || data49 === "info")) {
            const err50 = { instancePath: instancePath + "/rules/spiff-extension", schemaPath: "#/properties/rules/properties/spiff-extension/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["spiff-extension"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
        if (data1["subprocess-structure"] !== void 0) {
          let data50 = data1["subprocess-structure"];
          if (!(data50 === "off" || data50 === "warning" || data50 === "warn" || data50 === "error" || data50 === "info")) {
            const err51 = { instancePath: instancePath + "/rules/subprocess-structure", schemaPath: "#/properties/rules/properties/subprocess-structure/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["subprocess-structure"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
        }
        if (data1["symlink-outside-root"] !== void 0) {
          let data51 = data1["symlink-outside-root"];
          if (!(data51 === "off" || data51 === "warning" || data51 === "warn" || data51 === "error" || data51 === "info")) {
            const err52 = { instancePath: instancePath + "/rules/symlink-outside-root", schemaPath: "#/properties/rules/properties/symlink-outside-root/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["symlink-outside-root"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err52];
            } else {
              vErrors.push(err52);
            }
            errors++;
          }
        }
        if (data1["timer-definition"] !== void 0) {
          let data52 = data1["timer-definition"];
          if (!(data52 === "off" || data52 === "warning" || data52 === "warn" || data52 === "error" || data52 === "info")) {
            const err53 = { instancePath: instancePath + "/rules/timer-definition", schemaPath: "#/properties/rules/properties/timer-definition/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["timer-definition"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err53];
            } else {
              vErrors.push(err53);
            }
            errors++;
          }
        }
        if (data1["timer-iso-unquoted"] !== void 0) {
          let data53 = data1["timer-iso-unquoted"];
          if (!(data53 === "off" || data53 === "warning" || data53 === "warn" || data53 === "error" || data53 === "info")) {
            const err54 = { instancePath: instancePath + "/rules/timer-iso-unquoted", schemaPath: "#/properties/rules/properties/timer-iso-unquoted/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["timer-iso-unquoted"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
        }
        if (data1["unit-test-orphan"] !== void 0) {
          let data54 = data1["unit-test-orphan"];
          if (!(data54 === "off" || data54 === "warning" || data54 === "warn" || data54 === "error" || data54 === "info")) {
            const err55 = { instancePath: instancePath + "/rules/unit-test-orphan", schemaPath: "#/properties/rules/properties/unit-test-orphan/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["unit-test-orphan"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
        if (data1["unreadable-file"] !== void 0) {
          let data55 = data1["unreadable-file"];
          if (!(data55 === "off" || data55 === "warning" || data55 === "warn" || data55 === "error" || data55 === "info")) {
            const err56 = { instancePath: instancePath + "/rules/unreadable-file", schemaPath: "#/properties/rules/properties/unreadable-file/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["unreadable-file"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors++;
          }
        }
        if (data1["unsupported-element"] !== void 0) {
          let data56 = data1["unsupported-element"];
          if (!(data56 === "off" || data56 === "warning" || data56 === "warn" || data56 === "error" || data56 === "info")) {
            const err57 = { instancePath: instancePath + "/rules/unsupported-element", schemaPath: "#/properties/rules/properties/unsupported-element/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["unsupported-element"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err57];
            } else {
              vErrors.push(err57);
            }
            errors++;
          }
        }
        if (data1["user-task-form"] !== void 0) {
          let data57 = data1["user-task-form"];
          if (!(data57 === "off" || data57 === "warning" || data57 === "warn" || data57 === "error" || data57 === "info")) {
            const err58 = { instancePath: instancePath + "/rules/user-task-form", schemaPath: "#/properties/rules/properties/user-task-form/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["user-task-form"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
        }
        if (data1["user-task-no-form"] !== void 0) {
          let data58 = data1["user-task-no-form"];
          if (!(data58 === "off" || data58 === "warning" || data58 === "warn" || data58 === "error" || data58 === "info")) {
            const err59 = { instancePath: instancePath + "/rules/user-task-no-form", schemaPath: "#/properties/rules/properties/user-task-no-form/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["user-task-no-form"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err59];
            } else {
              vErrors.push(err59);
            }
            errors++;
          }
        }
        if (data1["xml-doctype"] !== void 0) {
          let data59 = data1["xml-doctype"];
          if (!(data59 === "off" || data59 === "warning" || data59 === "warn" || data59 === "error" || data59 === "info")) {
            const err60 = { instancePath: instancePath + "/rules/xml-doctype", schemaPath: "#/properties/rules/properties/xml-doctype/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["xml-doctype"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
        }
        if (data1["xml-malformed"] !== void 0) {
          let data60 = data1["xml-malformed"];
          if (!(data60 === "off" || data60 === "warning" || data60 === "warn" || data60 === "error" || data60 === "info")) {
            const err61 = { instancePath: instancePath + "/rules/xml-malformed", schemaPath: "#/properties/rules/properties/xml-malformed/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["xml-malformed"].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
      } else {
        const err62 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err62];
        } else {
          vErrors.push(err62);
        }
        errors++;
      }
    }
  } else {
    const err63 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err63];
    } else {
      vErrors.push(err63);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
var validateEnvironments = validate11;
var pattern0 = new RegExp("^\\s*[Hh][Tt][Tt][Pp][Ss]?://", "u");
var schema15 = { "type": "object", "additionalProperties": false, "required": ["url"], "properties": { "name": { "type": ["string", "null"], "description": "Unique name, shown in reports (default: the URL's host)." }, "url": { "$ref": "#/definitions/url" }, "kind": { "enum": ["spiff", "deploy", null], "description": "spiff: a git-synced spiffworkflow-backend (a signed push event); deploy: a deploy hook for a baked image." }, "secret": { "type": ["string", "null"], "description": "The secret itself (prefer secret-env: keep secrets out of files)." }, "secret-env": { "type": ["string", "null"], "pattern": "^\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*$", "description": "Name of the environment variable holding the secret." }, "secret_env": { "type": ["string", "null"], "pattern": "^\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*$", "description": "Same as secret-env." }, "html_url": { "type": ["string", "null"], "description": "repository.html_url as the backend must see it." }, "clone_url": { "type": ["string", "null"], "description": "repository.clone_url: must equal the backend's remote.origin.url (or git_url / ssh_url)." }, "git_url": { "type": ["string", "null"], "description": "repository.git_url as the backend must see it." }, "ssh_url": { "type": ["string", "null"], "description": "repository.ssh_url as the backend must see it." } } };
var pattern2 = new RegExp("^\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*$", "u");
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.url === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "url" }, message: "must have required property 'url'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema15.properties, key0)) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 !== "string" && data0 !== null) {
        const err2 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: schema15.properties.name.type }, message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.url !== void 0) {
      let data1 = data.url;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err3 = { instancePath: instancePath + "/url", schemaPath: "#/definitions/url/pattern", keyword: "pattern", params: { pattern: "^\\s*[Hh][Tt][Tt][Pp][Ss]?://" }, message: 'must match pattern "^\\s*[Hh][Tt][Tt][Pp][Ss]?://"' };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/url", schemaPath: "#/definitions/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data2 = data.kind;
      if (!(data2 === "spiff" || data2 === "deploy" || data2 === null)) {
        const err5 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/enum", keyword: "enum", params: { allowedValues: schema15.properties.kind.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.secret !== void 0) {
      let data3 = data.secret;
      if (typeof data3 !== "string" && data3 !== null) {
        const err6 = { instancePath: instancePath + "/secret", schemaPath: "#/properties/secret/type", keyword: "type", params: { type: schema15.properties.secret.type }, message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data["secret-env"] !== void 0) {
      let data4 = data["secret-env"];
      if (typeof data4 !== "string" && data4 !== null) {
        const err7 = { instancePath: instancePath + "/secret-env", schemaPath: "#/properties/secret-env/type", keyword: "type", params: { type: schema15.properties["secret-env"].type }, message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (typeof data4 === "string") {
        if (!pattern2.test(data4)) {
          const err8 = { instancePath: instancePath + "/secret-env", schemaPath: "#/properties/secret-env/pattern", keyword: "pattern", params: { pattern: "^\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*$" }, message: 'must match pattern "^\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*$"' };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      }
    }
    if (data.secret_env !== void 0) {
      let data5 = data.secret_env;
      if (typeof data5 !== "string" && data5 !== null) {
        const err9 = { instancePath: instancePath + "/secret_env", schemaPath: "#/properties/secret_env/type", keyword: "type", params: { type: schema15.properties.secret_env.type }, message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      if (typeof data5 === "string") {
        if (!pattern2.test(data5)) {
          const err10 = { instancePath: instancePath + "/secret_env", schemaPath: "#/properties/secret_env/pattern", keyword: "pattern", params: { pattern: "^\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*$" }, message: 'must match pattern "^\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*$"' };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      }
    }
    if (data.html_url !== void 0) {
      let data6 = data.html_url;
      if (typeof data6 !== "string" && data6 !== null) {
        const err11 = { instancePath: instancePath + "/html_url", schemaPath: "#/properties/html_url/type", keyword: "type", params: { type: schema15.properties.html_url.type }, message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.clone_url !== void 0) {
      let data7 = data.clone_url;
      if (typeof data7 !== "string" && data7 !== null) {
        const err12 = { instancePath: instancePath + "/clone_url", schemaPath: "#/properties/clone_url/type", keyword: "type", params: { type: schema15.properties.clone_url.type }, message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.git_url !== void 0) {
      let data8 = data.git_url;
      if (typeof data8 !== "string" && data8 !== null) {
        const err13 = { instancePath: instancePath + "/git_url", schemaPath: "#/properties/git_url/type", keyword: "type", params: { type: schema15.properties.git_url.type }, message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.ssh_url !== void 0) {
      let data9 = data.ssh_url;
      if (typeof data9 !== "string" && data9 !== null) {
        const err14 = { instancePath: instancePath + "/ssh_url", schemaPath: "#/properties/ssh_url/type", keyword: "type", params: { type: schema15.properties.ssh_url.type }, message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
  } else {
    const err15 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err15];
    } else {
      vErrors.push(err15);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = false;
  const _errs1 = errors;
  if (typeof data === "string") {
    if (!pattern0.test(data)) {
      const err0 = { instancePath, schemaPath: "#/definitions/url/pattern", keyword: "pattern", params: { pattern: "^\\s*[Hh][Tt][Tt][Pp][Ss]?://" }, message: 'must match pattern "^\\s*[Hh][Tt][Tt][Pp][Ss]?://"' };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = { instancePath, schemaPath: "#/definitions/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  valid0 = valid0 || _valid0;
  if (!valid0) {
    const _errs4 = errors;
    if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
      errors = vErrors.length;
    }
    var _valid0 = _errs4 === errors;
    valid0 = valid0 || _valid0;
  }
  if (!valid0) {
    const err2 = { instancePath, schemaPath: "#/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate12.errors = vErrors;
  return errors === 0;
}
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = false;
  const _errs1 = errors;
  if (Array.isArray(data)) {
    if (data.length < 1) {
      const err0 = { instancePath, schemaPath: "#/anyOf/0/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      if (!validate12(data[i0], { instancePath: instancePath + "/" + i0, parentData: data, parentDataProperty: i0, rootData })) {
        vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err1 = { instancePath, schemaPath: "#/anyOf/0/type", keyword: "type", params: { type: "array" }, message: "must be array" };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  valid0 = valid0 || _valid0;
  if (!valid0) {
    const _errs4 = errors;
    if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
      errors = vErrors.length;
    }
    var _valid0 = _errs4 === errors;
    valid0 = valid0 || _valid0;
    if (!valid0) {
      const _errs5 = errors;
      const _errs7 = errors;
      const _errs8 = errors;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing0;
        if (data.url === void 0 && (missing0 = "url")) {
          const err2 = {};
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
      var valid3 = _errs8 === errors;
      if (valid3) {
        const err3 = { instancePath, schemaPath: "#/anyOf/2/not", keyword: "not", params: {}, message: "must NOT be valid" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      } else {
        errors = _errs7;
        if (vErrors !== null) {
          if (_errs7) {
            vErrors.length = _errs7;
          } else {
            vErrors = null;
          }
        }
      }
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (Object.keys(data).length < 1) {
          const err4 = { instancePath, schemaPath: "#/anyOf/2/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        for (const key0 in data) {
          if (!validate12(data[key0], { instancePath: instancePath + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data, parentDataProperty: key0, rootData })) {
            vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err5 = { instancePath, schemaPath: "#/anyOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      var _valid0 = _errs5 === errors;
      valid0 = valid0 || _valid0;
    }
  }
  if (!valid0) {
    const err6 = { instancePath, schemaPath: "#/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate11.errors = vErrors;
  return errors === 0;
}

// src/generated/index.ts
var validateConfigSchema = validateConfig;
var validateEnvironmentsSchema = validateEnvironments;

export {
  validateConfigSchema,
  validateEnvironmentsSchema
};
