// GET /devices/{id}/label.{png,svg,zpl}: our asset tag as a printable label,
// rendered by the same code as `bhm-scan label` (shared/label).
#include "shared/label/label.h"
#include "server/routes/route_support.h"

namespace bhm::server {

void add_label_routes(Router& router, App& app) {
    for (auto format : {label::LabelFormat::png, label::LabelFormat::svg, label::LabelFormat::zpl}) {
        const std::string ext(label::to_string(format));
        router.add({"GET", "/api/v1/devices/{id}/label." + ext, Access::user, {},
            "The device's asset-tag label as " + ext + " (?symbology=code128|datamatrix).", "",
            [&app, format](Request& request) {
                auto symbology = label::label_symbology_from(request.query_value("symbology").value_or("code128"));
                if (!symbology) bad_request("invalid_query", "Query parameter 'symbology' must be code128 or datamatrix.");
                label::LabelRequest label_request;
                label_request.format = format;
                label_request.symbology = *symbology;
                app.store.read([&](db::Transaction& tx) {
                    Actor actor{request.caller, app.clock.now(), ""};
                    auto device = own_device(tx, actor, request.id_param());
                    label_request.tag = device.asset_tag;
                    label_request.model = model_of(tx, device).name;
                });
                Response response;
                response.content_type = std::string(label::content_type(format));
                response.body = label::render_label(label_request);
                response.headers["Content-Disposition"] =
                    "inline; filename=\"" + label_request.tag + "." + std::string(label::to_string(format)) + "\"";
                return response;
            }});
    }
}

}  // namespace bhm::server
