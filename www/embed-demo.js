// The demo HR page's own script (embed.html): its form calls the JavaScript API
// (way 3), and it shows the status the frame reports (way 2). Everything here
// could be on any HR page that includes embed.js.

const statusOut = document.getElementById("frame-status");
document.getElementById("frame-host").addEventListener("zhicheng:status", (event) => {
  statusOut.value = event.detail.status ?? "—";
  statusOut.dataset.status = event.detail.status ?? "";
});

const form = document.getElementById("api-form");
const result = document.getElementById("api-result");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  result.replaceChildren();
  const box = document.createElement("div");
  box.className = "hr-verdict";
  try {
    // A page that draws its own form passes an object; JSON text works as well.
    const profile = JSON.parse(document.getElementById("api-profile").value);
    const verdict = await window.Zhicheng.evaluate(profile);
    box.dataset.status = verdict.status;
    const head = document.createElement("p");
    head.textContent = `结论 / verdict: ${verdict.status}（${verdict.rule_set}, ${verdict.evaluation_year}）`;
    const list = document.createElement("ul");
    for (const check of verdict.checks.filter((c) => c.status === "fail" || c.status === "review")) {
      const item = document.createElement("li");
      item.textContent = `${check.id}: ${check.message}`;
      list.append(item);
    }
    box.append(head, list);
  } catch (error) {
    box.dataset.error = error.path ?? "";
    box.textContent = `输入有误 / bad input: ${error.message}`;
  }
  result.append(box);
});
