// Saving a flow's JSON from the browser (export): the circuit hands over the text, the browser saves it.
window.approvalDesigner = {
    download(fileName, text) {
        const url = URL.createObjectURL(new Blob([text], { type: "application/json;charset=utf-8" }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
};
