// Starts the UI. In the browser test's build (__JV_MOCK_IPC__, a compile-time constant)
// a mock backend is installed first; in every other build the branch and the mock module
// are removed by the bundler.
import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

async function start() {
  if (__JV_MOCK_IPC__) {
    const { installMockIpc } = await import("./mock/ipc");
    installMockIpc();
  }
  const target = document.getElementById("app");
  if (!target) throw new Error("index.html has no #app element");
  mount(App, { target });
}

void start();
