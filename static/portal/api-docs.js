/* Starts the self-hosted Swagger UI on /api/docs (templates/api/docs.html): no inline script,
 * and no validator badge, which would send the OpenAPI document to another host. */
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    validatorUrl: null,
  });
})();
